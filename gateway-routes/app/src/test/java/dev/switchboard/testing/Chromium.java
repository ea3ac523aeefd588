package dev.switchboard.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, for tests that look at a page as a browser renders it. */
public final class Chromium {
    private static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private Chromium() {
    }

    /** The page's DOM after Chromium loaded it and ran its scripts. */
    public static String dumpDom(String url, Path profileDir) throws IOException, InterruptedException {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Chromium is not at " + EXECUTABLE
                    + ": install Debian's chromium package (the README's test command does) or set CHROMIUM");
        }
        Path out = profileDir.resolve("dom.html");
        Process chromium = new ProcessBuilder(List.of(EXECUTABLE.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profileDir.resolve("profile"), "--dump-dom", url))
                .redirectOutput(out.toFile())
                .redirectError(profileDir.resolve("chromium.log").toFile())
                .start();
        if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish loading " + url + " within 60 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
