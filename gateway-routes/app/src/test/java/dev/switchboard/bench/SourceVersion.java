package dev.switchboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which code was measured: the git commit and how many files differed from it, read with read-only git
 * commands ({@code --no-optional-locks}, so the index is never written). "unknown" without git.
 */
final class SourceVersion {
    private SourceVersion() {
    }

    static String describe() {
        String commit = git(List.of("git", "--no-optional-locks", "rev-parse", "--short", "HEAD"));
        if (commit == null || commit.isBlank()) {
            return "unknown (no git)";
        }
        String status = git(List.of("git", "--no-optional-locks", "status", "--porcelain", "--untracked-files=no"));
        long changed = status == null ? -1 : status.lines().filter(line -> !line.isBlank()).count();
        return "commit " + commit.trim() + (changed > 0 ? " with uncommitted changes in " + changed + " file(s)"
                : changed == 0 ? ", no uncommitted changes" : "");
    }

    private static String git(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
