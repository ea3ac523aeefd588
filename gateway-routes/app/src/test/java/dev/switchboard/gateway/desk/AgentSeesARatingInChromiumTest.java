package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.NodeScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent desktop at /agent in Debian's Chromium (src/test/playwright/agent-sees-a-rating.mjs): an agent accepts a
 * web customer and finishes; the customer rates through the customer API, and the rating with its comment (as text)
 * appears on her live desktop.
 */
class AgentSeesARatingInChromiumTest {
    private static final Path SCRIPT = Path.of("src/test/playwright/agent-sees-a-rating.mjs").toAbsolutePath();

    @Test
    void theAgentSeesTheRatingOfAConversationSheFinished(@TempDir Path dir) throws Exception {
        assertThat(SCRIPT.resolveSibling("node_modules/playwright-core")).as("npm ci in src/test/playwright").isDirectory();
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            boss.postOk("/api/agent/accounts", "{\"username\": \"ann\", \"displayName\": \"Ann\", "
                    + "\"password\": \"ann long password\", \"skills\": [\"general\"], \"capacity\": 2}");

            Path shots = Files.createDirectories(Path.of("target/screenshots"));
            NodeScript.Run run = NodeScript.run(SCRIPT, dir.resolve("playwright.log"), 120,
                    gateway.baseUri().toString(), shots.toAbsolutePath().toString());
            String output = run.output();
            assertThat(run.finished()).as(output).isTrue();
            assertThat(run.exitValue()).as(output).isZero();
            assertThat(output).contains("PASS agent sees a rating");
        }
    }
}
