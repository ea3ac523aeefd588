package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.agent;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quick texts (personal and shared, kept across restarts) and the greeting sent when an agent accepts. */
class QuickTextsAndGreetingApiTest {

    @Test
    void personalAndSharedQuickTextsWithTheAgentsOwnWinningAndKeptAcrossARestart(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 2);
            AgentClient bob = agent(gateway, boss, "bob", "[\"general\"]", 2);
            boss.postOk("/api/agent/quick-texts", "{\"shortcut\": \"hours\", \"text\": \"We are open 8-20.\", \"shared\": true}");
            boss.postOk("/api/agent/quick-texts", "{\"shortcut\": \"bye\", \"text\": \"Goodbye!\", \"shared\": true}");
            ann.postOk("/api/agent/quick-texts", "{\"shortcut\": \"bye\", \"text\": \"Take care, Ann\"}");
            assertThat(ann.post("/api/agent/quick-texts", "{\"shortcut\": \"x\", \"text\": \"y\", \"shared\": true}")
                    .status()).isEqualTo(403);
            assertThat(ann.post("/api/agent/quick-texts", "{\"shortcut\": \"Bad Name\", \"text\": \"y\"}").status())
                    .isEqualTo(400);

            assertThat(texts(ann)).isEqualTo("bye=Take care, Ann|hours=We are open 8-20.|");
            assertThat(texts(bob)).isEqualTo("bye=Goodbye!|hours=We are open 8-20.|");
            assertThat(bob.post("/api/agent/quick-texts/delete", "{\"shortcut\": \"none\"}").status()).isEqualTo(404);
            assertThat(bob.post("/api/agent/quick-texts/delete", "{\"shortcut\": \"bye\", \"shared\": true}").status())
                    .isEqualTo(403);
        }
        try (Gateway again = gateway(dir, Map.of())) {
            AgentClient ann = new AgentClient(again.baseUri()).signedIn("ann", "ann long password");
            assertThat(texts(ann)).isEqualTo("bye=Take care, Ann|hours=We are open 8-20.|");
            ann.postOk("/api/agent/quick-texts/delete", "{\"shortcut\": \"bye\"}");
            assertThat(texts(ann)).isEqualTo("bye=Goodbye!|hours=We are open 8-20.|");
        }
    }

    private static String texts(AgentClient agent) {
        StringBuilder all = new StringBuilder();
        for (JsonNode q : agent.getOk("/api/agent/quick-texts").path("quickTexts")) {
            all.append(q.path("shortcut").asText()).append('=').append(q.path("text").asText()).append('|');
        }
        return all.toString();
    }

    @Test
    void theCustomerIsGreetedByNameWhenAnAgentAcceptsAndNotWhenTheGreetingIsOff(@TempDir Path dir, @TempDir Path off)
            throws Exception {
        try (Gateway gateway = gateway(dir, Map.of())) {
            assertThat(greetingSeenByCustomer(gateway)).contains("Hello, this is Ann. How can I help?");
        }
        try (Gateway gateway = gateway(off, Map.of(SwitchboardConfig.GREETING, ""))) {
            assertThat(greetingSeenByCustomer(gateway)).doesNotContain("Hello, this is");
        }
    }

    private static String greetingSeenByCustomer(Gateway gateway) {
        AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
        AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 2);
        ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
        HttpJson customer = new HttpJson(gateway.baseUri());
        JsonNode asked = customer.postJson("/api/help", "{\"text\": \"hello, anyone?\"}", null).json();
        String id = asked.path("conversationId").asText();
        ann.postOk("/api/agent/conversations/" + id + "/claim", "{}");
        return customer.get("/api/conversations/" + id, asked.path("customerToken").asText()).body();
    }
}
