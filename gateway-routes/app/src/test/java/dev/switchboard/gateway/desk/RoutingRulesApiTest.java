package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.agent;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.PhonePage;
import dev.switchboard.testing.TestMailServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing rules over a whole gateway: a manager saves them through the agent API, and the first message of each new
 * conversation is routed by them on its channel (a mail over GreenMail, a text over the SMSC simulator, the web
 * customer API); the agents see which rule routed it.
 */
class RoutingRulesApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CEO = "ceo@bigcorp.example";
    private static final String RULES = """
            {"rules": [
              {"name": "BigCorp mail", "enabled": true,
               "conditions": {"channels": ["email"], "senders": ["*@bigcorp.example"]},
               "actions": {"team": "enterprise", "priority": 10,
                           "acknowledgement": "The enterprise desk has your mail; about {wait} (you are number {position})."}},
              {"name": "Invoices", "enabled": true,
               "conditions": {"words": ["invoice"]},
               "actions": {"skill": "billing", "tags": ["billing"]}},
              {"name": "Switched off", "enabled": false,
               "conditions": {}, "actions": {"skill": "nobody"}}
            ]}""";

    @Test
    void aManagersRulesRouteEachNewConversationAndTheAgentSeesWhichRuleDidIt(@TempDir Path dir) throws Exception {
        try (TestMailServer mail = new TestMailServer(); Gateway gateway = gateway(dir, mail.gatewaySettings())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            boss.postOk("/api/agent/accounts", "{\"username\": \"erin\", \"password\": \"erin long password\","
                    + " \"skills\": [\"general\"], \"teams\": [\"enterprise\"], \"capacity\": 3}");
            AgentClient erin = new AgentClient(gateway.baseUri()).signedIn("erin", "erin long password");
            AgentClient bob = agent(gateway, boss, "bob", "[\"billing\"]", 3);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 3);
            for (AgentClient agent : List.of(erin, bob, ann)) {
                agent.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            }
            assertThat(boss.getOk("/api/agent/routing-rules").path("rules")).isEmpty();

            HttpJson.Response saved = boss.put("/api/agent/routing-rules", RULES);
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(names(boss.getOk("/api/agent/routing-rules").path("rules")))
                    .containsExactly("BigCorp mail", "Invoices", "Switched off");

            // Unmatched: a web customer gets the default skill and the standard acknowledgement.
            JsonNode web = new HttpJson(gateway.baseUri()).postJson("/api/help", "{\"text\": \"hello there\"}", null)
                    .json();
            assertThat(web.path("reply").path("text").asText()).isEqualTo("Thank you. An agent will be with you shortly.");
            String webConversation = web.path("conversationId").asText();
            JsonNode webOffer = offer(ann, webConversation);
            assertThat(webOffer.path("skill").asText()).isEqualTo("general");
            assertThat(webOffer.path("routingRule").isNull()).isTrue();
            assertThat(webOffer.path("tags")).isEmpty();

            // A mail from BigCorp: team enterprise, its priority ahead of the web customer, its acknowledgement by mail.
            mail.mailTheDesk(CEO, "Our contract", "Please call me about our contract.", "<contract-1@bigcorp.example>");
            await().atMost(WAIT).until(() -> erin.getOk("/api/agent/offers").path("offers").size() == 2);
            JsonNode mailOffer = erin.getOk("/api/agent/offers").path("offers").get(0);
            assertThat(mailOffer.path("routingRule").asText()).isEqualTo("BigCorp mail");
            assertThat(mailOffer.path("team").asText()).isEqualTo("enterprise");
            assertThat(mailOffer.path("priority").asInt()).isEqualTo(10);
            String mailConversation = mailOffer.path("conversationId").asText();
            assertThat(ann.getOk("/api/agent/offers").path("offers")).extracting(o -> o.path("conversationId").asText())
                    .doesNotContain(mailConversation);
            assertThat(boss.getOk("/api/agent/queue").path("waiting")).extracting(w -> w.path("conversationId").asText())
                    .as("the higher priority waits ahead").containsExactly(mailConversation, webConversation);
            await().atMost(WAIT).until(() -> mail.mailsTo(CEO).size() == 1);
            assertThat(mail.mailsTo(CEO).get(0).text())
                    .contains("The enterprise desk has your mail; about 1 minute (you are number 1).");

            // A text with the word "invoice": skill billing and the tag billing.
            assertThat(PhonePage.text(gateway.baseUri(), "+48605000077", "Where is my INVOICE for May?")).isEqualTo(303);
            await().atMost(WAIT).until(() -> bob.getOk("/api/agent/offers").path("offers").size() == 1);
            JsonNode smsOffer = bob.getOk("/api/agent/offers").path("offers").get(0);
            assertThat(smsOffer.path("routingRule").asText()).isEqualTo("Invoices");
            assertThat(smsOffer.path("skill").asText()).isEqualTo("billing");
            assertThat(names(smsOffer.path("tags"))).containsExactly("billing");

            // The conversation view names the rule too, once claimed.
            erin.postOk("/api/agent/conversations/" + mailConversation + "/claim", "{}");
            assertThat(erin.getOk("/api/agent/conversations/" + mailConversation).path("routingRule").asText())
                    .isEqualTo("BigCorp mail");
        }
    }

    @Test
    void aWrongRuleIsRefusedNamingTheRuleAndTheFieldAndOnlyManagersChangeThem(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gateway(dir, java.util.Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 1);

            assertRefused(boss, "{\"rules\": [{\"name\": \"Faxes\", \"conditions\": {\"channels\": [\"fax\"]},"
                    + " \"actions\": {\"skill\": \"general\"}}]}", "rule 1 'Faxes', channels: 'fax' is not a channel");
            assertRefused(boss, "{\"rules\": [{\"name\": \"ok\", \"actions\": {\"skill\": \"general\"}},"
                    + " {\"name\": \"Late\", \"conditions\": {\"from\": \"9am\", \"until\": \"17:00\"},"
                    + " \"actions\": {\"skill\": \"general\"}}]}", "rule 2 'Late', from: '9am'");
            assertRefused(boss, "{\"rules\": [{\"name\": \"Sales\", \"actions\": {\"team\": \"sales\"}}]}",
                    "rule 1 'Sales', team: no agent is in team 'sales'");
            assertRefused(boss, "{\"rules\": [{\"name\": \"Prio\", \"actions\": {\"priority\": \"high\"}}]}",
                    "rule 1 'Prio', priority: must be a whole number");
            assertRefused(boss, "{\"rules\": {}}", "'rules' must be a list");
            assertThat(boss.getOk("/api/agent/routing-rules").path("rules")).as("nothing was saved").isEmpty();

            String rules = "{\"rules\": [{\"name\": \"ok\", \"actions\": {\"skill\": \"general\"}}]}";
            assertThat(ann.put("/api/agent/routing-rules", rules).status()).isEqualTo(403);
            assertThat(ann.get("/api/agent/routing-rules").status()).isEqualTo(403);
            int withoutCsrf = boss.raw(java.net.http.HttpRequest.newBuilder(
                            gateway.baseUri().resolve("/api/agent/routing-rules"))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(rules)).build()).statusCode();
            assertThat(withoutCsrf).as("a PUT without the CSRF header is refused").isEqualTo(403);
        }
    }

    private static void assertRefused(AgentClient boss, String rules, String message) {
        HttpJson.Response refused = boss.put("/api/agent/routing-rules", rules);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).startsWith(message);
    }

    /** The conversation's offer to this agent, once it is offered. */
    private static JsonNode offer(AgentClient agent, String conversationId) {
        await().atMost(WAIT).until(() -> names(agent.getOk("/api/agent/offers").path("offers"), "conversationId")
                .contains(conversationId));
        for (JsonNode offer : agent.getOk("/api/agent/offers").path("offers")) {
            if (offer.path("conversationId").asText().equals(conversationId)) {
                return offer;
            }
        }
        throw new AssertionError("no offer of " + conversationId);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.isTextual() ? item.asText() : item.path("name").asText()));
        return names;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.path(field).asText()));
        return names;
    }
}
