package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.agent;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestMailServer;
import dev.switchboard.testing.TestMailServer.Received;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While no agent is on duty, a message the knowledge base cannot answer is kept as an offline message: the
 * customer is told so in his own channel, every agent with an email address is told by mail (GreenMail), and
 * managers list and resolve it; it is still there after a restart.
 */
class OfflineMessagesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ANNA = "anna@customer.example";

    @Test
    void anOfflineMessageIsToldToTheCustomerMailedToEveryAgentAndResolvedByAManager(@TempDir Path dir) throws Exception {
        try (TestMailServer mail = new TestMailServer()) {
            Map<String, String> settings = mail.gatewaySettings();
            String offlineId;
            try (Gateway gateway = gateway(dir, settings)) {
                AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
                AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 1);
                agent(gateway, boss, "bob", "[\"general\"]", 1);
                agent(gateway, boss, "carl", "[\"general\"]", 1);
                boss.postOk("/api/agent/accounts/ann", "{\"email\": \"ann@staff.example\"}");
                boss.postOk("/api/agent/accounts/bob", "{\"email\": \"bob@staff.example\"}");

                mail.mailTheDesk(ANNA, "Zorblax", "My zorblax wibbles and florps.", "<off-1@customer.example>");

                await().atMost(WAIT).until(() -> mail.mailsTo(ANNA).size() == 1
                        && mail.mailsTo("ann@staff.example").size() == 1 && mail.mailsTo("bob@staff.example").size() == 1);
                assertThat(mail.mailsTo(ANNA).get(0).text()).contains("No agent is on duty right now");
                for (String agentAddress : new String[] {"ann@staff.example", "bob@staff.example"}) {
                    Received notice = mail.mailsTo(agentAddress).get(0);
                    assertThat(notice.subject()).isEqualTo("New offline message from " + ANNA);
                    assertThat(notice.text()).contains("My zorblax wibbles and florps.", "From: " + ANNA + " (email)");
                    assertThat(notice.from()).contains(TestMailServer.DESK);
                }

                JsonNode open = boss.getOk("/api/agent/offline-messages?status=open").path("offlineMessages");
                assertThat(open).hasSize(1);
                offlineId = open.get(0).path("id").asText();
                assertThat(open.get(0).path("from").asText()).isEqualTo(ANNA);
                assertThat(open.get(0).path("channel").asText()).isEqualTo("email");
                assertThat(open.get(0).path("text").asText()).contains("My zorblax wibbles and florps.");
                assertThat(open.get(0).path("status").asText()).isEqualTo("open");
                assertThat(ann.get("/api/agent/offline-messages").status()).as("managers only").isEqualTo(403);
                assertThat(ann.post("/api/agent/offline-messages/" + offlineId + "/resolve", "{}").status()).isEqualTo(403);

                JsonNode resolved = boss.postOk("/api/agent/offline-messages/" + offlineId + "/resolve",
                        "{\"note\": \"Called her back\"}");
                assertThat(resolved.path("status").asText()).isEqualTo("resolved");
                assertThat(resolved.path("resolvedBy").asText()).isEqualTo("boss");
                assertThat(boss.getOk("/api/agent/offline-messages?status=open").path("offlineMessages")).isEmpty();
                assertThat(boss.post("/api/agent/offline-messages/off-none/resolve", "{}").status()).isEqualTo(404);
                assertThat(boss.get("/api/agent/offline-messages?status=lost").status()).isEqualTo(400);
            }
            try (Gateway restarted = gateway(dir, settings)) {
                AgentClient boss = new AgentClient(restarted.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
                JsonNode all = boss.getOk("/api/agent/offline-messages").path("offlineMessages");
                assertThat(all).hasSize(1);
                assertThat(all.get(0).path("id").asText()).isEqualTo(offlineId);
                assertThat(all.get(0).path("status").asText()).isEqualTo("resolved");
                assertThat(all.get(0).path("note").asText()).isEqualTo("Called her back");
            }
        }
    }

    @Test
    void aWebCustomerIsToldInHisOwnChannelAndAnAnswerTheKnowledgeBaseHasLeavesNoOfflineMessage(@TempDir Path dir)
            throws Exception {
        try (Gateway gateway = gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            HttpJson web = new HttpJson(gateway.baseUri());

            JsonNode answered = web.postJson("/api/help", "{\"text\": \"What are your opening hours?\"}", null).json();
            JsonNode left = web.postJson("/api/help", "{\"text\": \"My zorblax wibbles\"}", null).json();

            assertThat(answered.path("reply").path("source").asText()).isEqualTo("knowledge-base");
            assertThat(left.path("reply").path("text").asText()).contains("No agent is on duty right now");
            assertThat(left.path("reply").path("html").asText()).contains("Nobody is on duty right now");
            JsonNode open = boss.getOk("/api/agent/offline-messages?status=open").path("offlineMessages");
            assertThat(open).singleElement().satisfies(m -> {
                assertThat(m.path("text").asText()).isEqualTo("My zorblax wibbles");
                assertThat(m.path("channel").asText()).isEqualTo("web-chat");
                assertThat(m.path("conversationId").asText()).isEqualTo(left.path("conversationId").asText());
            });
        }
    }

    @Test
    void whileAnAgentIsOnDutyTheCustomerWaitsAndLeavesNoOfflineMessage(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 1);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");

            JsonNode waiting = new HttpJson(gateway.baseUri()).postJson("/api/help", "{\"text\": \"My zorblax wibbles\"}", null)
                    .json();

            assertThat(waiting.path("reply").path("queue").path("agentsOnDuty").asBoolean()).isTrue();
            assertThat(boss.getOk("/api/agent/offline-messages").path("offlineMessages")).isEmpty();
        }
    }
}
