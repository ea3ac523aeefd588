package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.agent;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.hub.knowledge.json.KnowledgeBaseLoader;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestMailServer;
import dev.switchboard.testing.TestMailServer.Received;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Customers mail the help desk (GreenMail) and get its answers, the knowledge base's and an agent's, by mail. */
class EmailCustomersTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ANNA = "anna@customer.example";

    @Test
    void aCustomersMailIsAnsweredFromTheKnowledgeBaseByMailInHisThread(@TempDir Path dir) throws Exception {
        try (TestMailServer mail = new TestMailServer(); Gateway gateway = gateway(dir, mail.gatewaySettings())) {
            mail.mailTheDesk(ANNA, "Opening hours", "When are you open?", "<hours-1@customer.example>");

            await().atMost(WAIT).until(() -> mail.mailsTo(ANNA).size() == 1);
            Received answer = mail.mailsTo(ANNA).get(0);
            String expected = KnowledgeBaseLoader.fromClasspath("knowledge-base.json")
                    .bestAnswer("Opening hours\n\nWhen are you open?", null, null, null).orElseThrow().article().answer();
            assertThat(answer.text()).startsWith(expected);
            assertThat(answer.subject()).isEqualTo("Re: Opening hours");
            assertThat(answer.inReplyTo()).isEqualTo("<hours-1@customer.example>");
            assertThat(answer.from()).contains(TestMailServer.DESK);

            JsonNode health = new HttpJson(gateway.baseUri()).get("/health", null).json();
            assertThat(health.path("components").path("adapters").path("email").path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void anAgentAnswersAMailingCustomerOnTheEmailChannelAndTheMailJoinsHisThread(@TempDir Path dir) throws Exception {
        try (TestMailServer mail = new TestMailServer(); Gateway gateway = gateway(dir, mail.gatewaySettings())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 1);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");

            mail.mailTheDesk(ANNA, "Which software?", "Which accounting software do you support?", "<sw-1@customer.example>");
            await().atMost(WAIT).until(() -> ann.getOk("/api/agent/offers").path("offers").size() == 1);
            String conversation = ann.getOk("/api/agent/offers").path("offers").get(0).path("conversationId").asText();
            ann.postOk("/api/agent/conversations/" + conversation + "/claim", "{}");
            JsonNode sent = ann.postOk("/api/agent/conversations/" + conversation + "/messages",
                    "{\"text\": \"We support Ledgerly; here is the link: https://ledgerly.example\", \"channel\": \"email\"}");

            assertThat(sent.path("sent").asBoolean()).isTrue();
            await().atMost(WAIT).until(() -> mail.mailsTo(ANNA).stream().anyMatch(m -> m.text().contains("Ledgerly")));
            Received answer = mail.mailsTo(ANNA).stream().filter(m -> m.text().contains("Ledgerly")).findFirst().orElseThrow();
            assertThat(answer.subject()).isEqualTo("Re: Which software?");
            assertThat(answer.inReplyTo()).isEqualTo("<sw-1@customer.example>");
            assertThat(answer.references()).isEqualTo("<sw-1@customer.example>");
            assertThat(answer.text()).isEqualTo("We support Ledgerly; here is the link: https://ledgerly.example");
            JsonNode thread = ann.getOk("/api/agent/conversations/" + conversation).path("messages");
            assertThat(thread.get(0).path("channel").asText()).isEqualTo("email");
        }
    }

    @Test
    void withoutMailSettingsTheEmailChannelIsOffAndTheGatewayUp(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gateway(dir, Map.of())) {
            HttpJson.Response health = new HttpJson(gateway.baseUri()).get("/health", null);

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("components").path("adapters").path("email").path("status").asText()).isEqualTo("OFF");
            assertThat(health.json().path("components").path("adapters").path("email").path("detail").asText())
                    .contains("SWITCHBOARD_EMAIL_IMAP_HOST");
        }
    }
}
