package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.testing.NodeScript;
import dev.switchboard.testing.ShopSite;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager pages' "Embed the button" in Debian's Chromium (src/test/playwright/embed-the-button.mjs): the live
 * preview of the real widget follows the form, the server's refusal shows next to its field, the settings are saved;
 * a demo shop's page (a Jetty of its own, another origin) with the bare tag then shows the saved button, and is
 * refused once the manager removed its site. The preview page may be framed by the gateway's own pages only, the
 * other desk pages by none.
 */
class EmbedTheButtonInChromiumTest {
    private static final Path SCRIPT = Path.of("src/test/playwright/embed-the-button.mjs").toAbsolutePath();

    @Test
    void theSnippetAndTheLivePreviewFollowTheSettings(@TempDir Path dir) throws Exception {
        try (ShopSite shop = new ShopSite(); Gateway gateway = AgentRoutingApiTest.gateway(dir,
                Map.of(SwitchboardConfig.WIDGET_ALLOWED_ORIGINS, "https://fixed.example"))) {
            shop.page("/", """
                    <!doctype html>
                    <html lang="en"><head><meta charset="utf-8"><title>Demo shop</title>
                    <script src="%s" defer></script>
                    </head><body><main><h1>Demo shop</h1></main></body></html>
                    """.formatted(gateway.baseUri().resolve("/widget.js")));
            NodeScript.Run run = NodeScript.run(SCRIPT, dir.resolve("playwright.log"), 120,
                    gateway.baseUri().toString(), "boss", BOSS_PASSWORD, shop.origin());
            assertThat(run.finished()).as(run.output()).isTrue();
            assertThat(run.exitValue()).as(run.output()).isZero();
            assertThat(run.output()).contains("PASS embed the button");
            assertThat(WidgetSettingsApiTest.askFrom(gateway, shop.origin())).as("the removed site's call")
                    .isEqualTo(403);

            assertThat(policy(gateway, "manager/widget-preview")).contains("frame-ancestors 'self'");
            assertThat(policy(gateway, "manager")).contains("frame-ancestors 'none'");
        }
    }

    private static String policy(Gateway gateway, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Content-Security-Policy").orElseThrow();
    }
}
