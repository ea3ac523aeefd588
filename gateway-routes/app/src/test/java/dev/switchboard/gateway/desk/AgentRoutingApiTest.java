package dev.switchboard.gateway.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestGateways;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presence and routing through the agent API of a whole gateway, with a web customer on the other side. */
class AgentRoutingApiTest {
    static final String BOSS_PASSWORD = "correct horse battery";

    static Gateway gateway(Path dir, Map<String, String> more) throws Exception {
        return TestGateways.start(dir, deskSettings(more));
    }

    /** The agent desk's test settings (a cheap password hash, the manager "boss", a tick of 100 ms), then {@code more}. */
    static Map<String, String> deskSettings(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of(SwitchboardConfig.PASSWORD_HASH_COST, "4", SwitchboardConfig.FIRST_MANAGER, "boss",
                SwitchboardConfig.FIRST_MANAGER_PASSWORD, BOSS_PASSWORD, SwitchboardConfig.DESK_TICK_MILLIS, "100"));
        settings.putAll(more);
        return settings;
    }

    /** Creates an agent with the manager's session and signs him in on a desktop of his own. */
    static AgentClient agent(Gateway gateway, AgentClient boss, String username, String skills, int capacity) {
        boss.postOk("/api/agent/accounts", "{\"username\": \"" + username + "\", \"displayName\": \""
                + Character.toUpperCase(username.charAt(0)) + username.substring(1) + "\", \"password\": \"" + username
                + " long password\", \"skills\": " + skills + ", \"capacity\": " + capacity + "}");
        return new AgentClient(gateway.baseUri()).signedIn(username, username + " long password");
    }

    static String presence(AgentClient anyone, String username) {
        for (JsonNode agent : anyone.getOk("/api/agent/agents").path("agents")) {
            if (agent.path("username").asText().equals(username)) {
                return agent.path("presence").asText();
            }
        }
        return "UNKNOWN";
    }

    @Test
    void anAgentWhoseDesktopStopsCallingTurnsAwayAfterTheGracePeriodAndCustomersAreToldNobodyIsOnDuty(
            @TempDir Path dir) throws Exception {
        try (Gateway gateway = gateway(dir, Map.of(SwitchboardConfig.AWAY_GRACE_SECONDS, "1"))) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 2);
            assertThat(ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}").path("presence").asText())
                    .isEqualTo("AVAILABLE");
            HttpJson customer = new HttpJson(gateway.baseUri());

            await().atMost(Duration.ofSeconds(15)).until(() -> presence(boss, "ann").equals("AWAY"));
            await().atMost(Duration.ofSeconds(5)).until(() -> !customer.postJson("/api/help",
                    "{\"text\": \"zorblax wibble florp\"}", null).json().path("reply").path("queue").path("agentsOnDuty").asBoolean());
            assertThat(ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}").path("presence").asText())
                    .isEqualTo("AVAILABLE");
            assertThat(ann.post("/api/agent/presence", "{\"presence\": \"sleeping\"}").status()).isEqualTo(400);
        }
    }

    @Test
    void aWebCustomerIsOfferedToTheAgentWhoClaimsItAndHisNextMessageGoesToHer(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 1);
            AgentClient bob = agent(gateway, boss, "bob", "[\"billing\"]", 1);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            bob.postOk("/api/agent/presence", "{\"presence\": \"available\"}");

            HttpJson customer = new HttpJson(gateway.baseUri());
            JsonNode asked = customer.postJson("/api/help", "{\"text\": \"I need a person please\"}", null).json();
            String conversationId = asked.path("conversationId").asText();
            assertThat(asked.path("reply").path("queue").path("position").asInt()).isEqualTo(1);

            JsonNode offers = ann.getOk("/api/agent/offers").path("offers");
            assertThat(offers).hasSize(1);
            assertThat(offers.get(0).path("conversationId").asText()).isEqualTo(conversationId);
            assertThat(bob.getOk("/api/agent/offers").path("offers")).isEmpty();
            assertThat(bob.get("/api/agent/conversations/" + conversationId).status()).isEqualTo(404);
            assertThat(ann.getOk("/api/agent/conversations/" + conversationId).path("messages").get(0).path("text")
                    .asText()).isEqualTo("I need a person please");

            assertThat(bob.post("/api/agent/conversations/" + conversationId + "/claim", "{}").status()).isEqualTo(409);
            JsonNode claimed = ann.postOk("/api/agent/conversations/" + conversationId + "/claim", "{}");
            assertThat(claimed.path("owner").asText()).isEqualTo("ann");
            assertThat(ann.getOk("/api/agent/conversations").path("conversations").get(0).path("conversationId").asText())
                    .isEqualTo(conversationId);

            JsonNode followUp = customer.postJson("/api/conversations/" + conversationId + "/messages",
                    "{\"text\": \"are you there?\"}", asked.path("customerToken").asText()).json();
            assertThat(followUp.path("reply").path("text").asText()).isEqualTo("Ann has your message and will answer here.");

            JsonNode second = new HttpJson(gateway.baseUri()).postJson("/api/help", "{\"text\": \"me too\"}", null).json();
            JsonNode third = new HttpJson(gateway.baseUri()).postJson("/api/help", "{\"text\": \"and me\"}", null).json();
            assertThat(second.path("reply").path("queue").path("position").asInt()).isEqualTo(1);
            assertThat(third.path("reply").path("queue").path("position").asInt()).isEqualTo(2);
            JsonNode queue = boss.getOk("/api/agent/queue").path("waiting");
            assertThat(queue).hasSize(2);
            assertThat(queue.get(1).path("conversationId").asText()).isEqualTo(third.path("conversationId").asText());
            assertThat(queue.get(1).path("position").asInt()).isEqualTo(2);
            assertThat(queue.get(1).path("estimatedWaitSeconds").asLong()).isPositive();
        }
    }
}
