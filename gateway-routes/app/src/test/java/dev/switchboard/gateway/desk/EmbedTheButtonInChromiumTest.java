package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.NodeScript;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager pages' "Embed the button" in Debian's Chromium (src/test/playwright/embed-the-button.mjs): the snippet
 * and the live preview of the real widget follow the settings chosen; the preview page may be framed by the gateway's
 * own pages only, the other desk pages by none.
 */
class EmbedTheButtonInChromiumTest {
    private static final Path SCRIPT = Path.of("src/test/playwright/embed-the-button.mjs").toAbsolutePath();

    @Test
    void theSnippetAndTheLivePreviewFollowTheSettings(@TempDir Path dir) throws Exception {
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            NodeScript.Run run = NodeScript.run(SCRIPT, dir.resolve("playwright.log"), 120,
                    gateway.baseUri().toString(), "boss", BOSS_PASSWORD);
            assertThat(run.finished()).as(run.output()).isTrue();
            assertThat(run.exitValue()).as(run.output()).isZero();
            assertThat(run.output()).contains("PASS embed the button");

            assertThat(policy(gateway, "manager/widget-preview")).contains("frame-ancestors 'self'");
            assertThat(policy(gateway, "manager")).contains("frame-ancestors 'none'");
        }
    }

    private static String policy(Gateway gateway, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Content-Security-Policy").orElseThrow();
    }
}
