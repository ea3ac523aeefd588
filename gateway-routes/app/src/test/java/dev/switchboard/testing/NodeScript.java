package dev.switchboard.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a browser test's Node script (playwright-core driving Debian's Chromium) and returns what it printed. */
public final class NodeScript {
    private NodeScript() {
    }

    /** What a finished script printed, and how it ended. */
    public record Run(boolean finished, int exitValue, String output) {
    }

    /** Starts {@code node script arguments...} in the script's folder, its output to {@code log}, and returns at once. */
    public static Process start(Path script, Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .directory(script.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /**
     * Runs {@code node script arguments...} in the script's folder, for at most {@code timeoutSeconds}; a script
     * still running then is killed.
     */
    public static Run run(Path script, Path log, long timeoutSeconds, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(arguments));
        Process node = new ProcessBuilder(command)
                .directory(script.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = node.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
            node.waitFor(10, TimeUnit.SECONDS);
        }
        return new Run(finished, finished ? node.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8));
    }
}
