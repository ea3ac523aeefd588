package dev.switchboard.itv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.TestGateways;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TV help overlay in Debian's Chromium, driven by Playwright with HbbTV key codes against a whole
 * gateway on a free port: {@code src/test/js/overlay-walk.js} walks it (red, topics, an answer, quick
 * replies, typing, BACK, yellow, green, the agent chat's earlier messages read by their cursor, blue, the
 * satisfaction question) and fails on the first wrong step.
 * An agent account made here through the manager API is the agent on duty: the walk signs her in through
 * the agent API before green, and as her claims the conversation green offered and answers it.
 */
class TvOverlayInChromiumTest {
    private static final Logger LOG = LoggerFactory.getLogger(TvOverlayInChromiumTest.class);
    private static final long MAX_APP_BYTES = 150 * 1024;
    private static final Path OUT = Path.of("target", "overlay-walk");
    private static final Duration WALK = Duration.ofSeconds(240);
    private static final String BOSS_PASSWORD = "correct horse battery";
    private static final String AGENT_USERNAME = "anna";
    private static final String AGENT_PASSWORD = "anna long password";
    private static final String AGENT_NAME = "Anna";
    /** What the agent answers; the markup characters must reach the screen as text. */
    private static final String AGENT_SAYS = "Evening News is on Replay: press OK > Replay & pick <19:00>.";

    @Test
    void aViewerGetsHelpWithTheRemoteControlOnly(@TempDir Path dataDir) throws Exception {
        Map<String, String> desk = Map.of("switchboard.accounts.first-manager", "boss",
                "switchboard.accounts.first-manager-password", BOSS_PASSWORD,
                "switchboard.accounts.password-hash-cost", "4", "switchboard.agents.tick-millis", "100");
        try (Gateway gateway = TestGateways.start(dataDir, desk)) {
            agentAccount(gateway);
            Files.createDirectories(OUT);
            Path log = OUT.resolve("node.log");
            Process node = new ProcessBuilder(List.of("node", "src/test/js/overlay-walk.js",
                    gateway.baseUri().toString(), OUT.toString(), AGENT_USERNAME, AGENT_PASSWORD, AGENT_NAME, AGENT_SAYS))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                boolean finished = node.waitFor(WALK.toSeconds(), TimeUnit.SECONDS);
                String output = Files.readString(log, StandardCharsets.UTF_8);
                assertThat(finished).as("the walk finished within %s:%n%s", WALK, output).isTrue();
                assertThat(node.exitValue()).as("the walk in Chromium:%n%s", output).isZero();
            } finally {
                node.destroyForcibly();
            }

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

    /** The agent account, made through the manager API as a manager makes it; the walk signs her in. */
    private static void agentAccount(Gateway gateway) {
        AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
        boss.postOk("/api/agent/accounts", "{\"username\": \"" + AGENT_USERNAME + "\", \"displayName\": \""
                + AGENT_NAME + "\", \"password\": \"" + AGENT_PASSWORD + "\", \"skills\": [\"general\"], \"capacity\": 1}");
    }
}
