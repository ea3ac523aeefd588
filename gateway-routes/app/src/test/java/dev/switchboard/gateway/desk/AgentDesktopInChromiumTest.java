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
 * The agent desktop at /agent in Debian's Chromium, driven by playwright-core (src/test/playwright, installed by
 * the build's npm ci): two agents sign in, a web customer asks, both are offered, the first accept wins, the
 * winner inserts a suggested answer, transfers to the other, who answers with a shared quick text, and the customer
 * sees the answer.
 */
class AgentDesktopInChromiumTest {
    private static final Path SCRIPT = Path.of("src/test/playwright/agent-desktop.mjs").toAbsolutePath();

    @Test
    void twoAgentsRaceForAnOfferTransferAndAnswerAWebCustomer(@TempDir Path dir) throws Exception {
        assertThat(SCRIPT.resolveSibling("node_modules/playwright-core")).as("npm ci in src/test/playwright").isDirectory();
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentRoutingApiTest.agent(gateway, boss, "ann", "[\"general\"]", 2);
            AgentRoutingApiTest.agent(gateway, boss, "bob", "[\"general\"]", 2);
            boss.postOk("/api/agent/quick-texts",
                    "{\"shortcut\": \"parcel\", \"text\": \"A new parcel leaves today.\", \"shared\": true}");

            Path shots = Files.createDirectories(Path.of("target/screenshots"));
            NodeScript.Run run = NodeScript.run(SCRIPT, dir.resolve("playwright.log"), 150,
                    gateway.baseUri().toString(), shots.toAbsolutePath().toString());
            String output = run.output();
            assertThat(run.finished()).as(output).isTrue();
            assertThat(run.exitValue()).as(output).isZero();
            assertThat(output).contains("PASS agent desktop");
            assertThat(new HttpJson(gateway.baseUri()).get("/agent", null).contentType()).startsWith("text/html");
        }
    }
}
