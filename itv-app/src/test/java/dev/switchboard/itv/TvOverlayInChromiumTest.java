package dev.switchboard.itv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.TestGateways;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.Logger;

/**
 * The TV help overlay in Debian's Chromium, driven by Playwright with HbbTV key codes against a whole
 * gateway on a free port: {@code src/test/js/overlay-walk.js} walks it (red, topics, an answer, quick
 * replies, typing, BACK, green, yellow, blue, the satisfaction question) and fails on the first wrong step.
 */
class TvOverlayInChromiumTest {
    private static final Logger LOG = LoggerFactory.getLogger(TvOverlayInChromiumTest.class);
    private static final long MAX_APP_BYTES = 150 * 1024;
    private static final Path OUT = Path.of("target", "overlay-walk");

    @Test
    void aViewerGetsHelpWithTheRemoteControlOnly(@TempDir Path dataDir) throws Exception {
        try (Gateway gateway = TestGateways.start(dataDir)) {
            Files.createDirectories(OUT);
            Path log = OUT.resolve("node.log");
            Process node = new ProcessBuilder(List.of("node", "src/test/js/overlay-walk.js",
                    gateway.baseUri().toString(), OUT.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished = node.waitFor(240, TimeUnit.SECONDS);
            if (!finished) {
                node.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(finished).as("the walk finished within 240 s:%n%s", output).isTrue();
            assertThat(node.exitValue()).as("the walk in Chromium:%n%s", output).isZero();

            JsonNode results = new ObjectMapper().readTree(OUT.resolve("results.json").toFile());
            assertThat(results.path("es5").asBoolean()).as("app.js parses as ES5").isTrue();
            assertThat(results.path("hbbtvContentType").asText()).startsWith("application/vnd.hbbtv.xhtml+xml");
            assertThat(results.path("browserContentType").asText()).startsWith("text/html");
            long bytes = results.path("bytes").asLong();
            LOG.info("TV overlay walk transferred {} bytes", bytes);
            assertThat(bytes).as("bytes the app transferred in the whole walk").isPositive().isLessThanOrEqualTo(MAX_APP_BYTES);
            assertThat(OUT.resolve("overlay.png")).isNotEmptyFile();
        }
    }
}
