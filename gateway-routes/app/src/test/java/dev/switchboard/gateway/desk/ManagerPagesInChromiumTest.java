package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.NodeScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager pages at /manager in Debian's Chromium, driven by playwright-core (src/test/playwright): the page is
 * live without polling; an offline message appears while the page is open, shown as text, and the manager
 * resolves it; an agent's presence and load and a waiting customer show as they change; routing rules added and
 * ordered in the page are saved and route the next customer.
 */
class ManagerPagesInChromiumTest {
    private static final Path SCRIPT = Path.of("src/test/playwright/manager-pages.mjs").toAbsolutePath();

    @Test
    void anOfflineMessageAppearsAndIsResolvedAndQueuesAndAgentsShowLive(@TempDir Path dir) throws Exception {
        assertThat(SCRIPT.resolveSibling("node_modules/playwright-core")).as("npm ci in src/test/playwright").isDirectory();
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            Path shots = Files.createDirectories(Path.of("target/screenshots"));
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            boss.postOk("/api/agent/accounts", "{\"username\": \"ann\", \"displayName\": \"Ann\", "
                    + "\"password\": \"ann long password\", \"skills\": [\"general\"], \"capacity\": 2}");

            NodeScript.Run run = NodeScript.run(SCRIPT, dir.resolve("playwright.log"), 150,
                    gateway.baseUri().toString(), shots.toAbsolutePath().toString(), "boss", BOSS_PASSWORD,
                    "ann", "ann long password");

            assertThat(run.finished()).as(run.output()).isTrue();
            assertThat(run.exitValue()).as(run.output()).isZero();
            assertThat(run.output()).contains("PASS manager pages");
            assertThat(boss.getOk("/api/agent/offline-messages?status=resolved").path("offlineMessages")).hasSize(1);
            assertThat(boss.getOk("/api/agent/routing-rules").path("rules")).extracting(r -> r.path("name").asText())
                    .containsExactly("Invoices", "Catch-all <b>off</b>");
            assertThat(boss.getOk("/api/agent/queue").path("waiting")).extracting(w -> w.path("routingRule").asText())
                    .contains("Invoices");
            HttpJson.Response page = new HttpJson(gateway.baseUri()).get("/manager", null);
            assertThat(page.contentType()).startsWith("text/html");
        }
    }
}
