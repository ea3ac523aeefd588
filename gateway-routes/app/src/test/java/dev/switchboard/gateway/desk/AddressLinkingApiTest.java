package dev.switchboard.gateway.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.PhonePage;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent links the phone number a web visitor gives him, through the agent API of a whole gateway: the
 * customer's text from that number after a restart is routed with the web conversation and shows in the
 * agent's thread, never in what the web visitor reads; bad requests get their reasons.
 */
class AddressLinkingApiTest {
    private static final String NUMBER = "+447700900321";


    @Test
    void aLinkedNumbersTextsJoinTheAgentsThreadAcrossARestartAndNeverTheVisitorsOwn(@TempDir Path dir) throws Exception {
        String webId;
        String webToken;
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = AgentRoutingApiTest.agent(gateway, boss, "ann", "[\"general\"]", 3);
            AgentClient bob = AgentRoutingApiTest.agent(gateway, boss, "bob", "[\"general\"]", 3);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            JsonNode web = new HttpJson(gateway.baseUri()).postJson("/api/help",
                    "{\"text\": \"text me the licence key\", \"visitorId\": \"laptop-0042\"}", null).json();
            webId = web.path("conversationId").asText();
            webToken = web.path("customerToken").asText();
            assertThat(ann.claimNextOffer()).isEqualTo(webId);
            assertThat(PhonePage.text(gateway.baseUri(), "+447700900999", "somebody else")).isEqualTo(303);
            await().atMost(Duration.ofSeconds(10)).until(() -> ann.getOk("/api/agent/offers").path("offers").size() > 0);
            String link = "/api/agent/conversations/" + webId + "/addresses";

            HttpJson.Response linked = ann.post(link, "{\"address\": \"" + NUMBER + "\", \"channel\": \"sms\"}");
            HttpJson.Response malformed = ann.post(link, "{\"address\": \"07700 900321\", \"channel\": \"sms\"}");
            HttpJson.Response taken = ann.post(link, "{\"address\": \"+447700900999\", \"channel\": \"sms\"}");
            HttpJson.Response notHis = bob.post(link, "{\"address\": \"+447700900555\", \"channel\": \"sms\"}");

            assertThat(linked.status()).as(linked.body()).isEqualTo(201);
            assertThat(linked.json().path("address").asText()).isEqualTo("e164:" + NUMBER);
            assertThat(linked.json().path("channel").asText()).isEqualTo("sms");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().path("message").asText()).isNotBlank();
            assertThat(taken.status()).isEqualTo(409);
            assertThat(taken.json().path("message").asText()).contains("merge");
            assertThat(notHis.status()).isEqualTo(404);
        }
        try (Gateway again = AgentRoutingApiTest.gateway(dir, Map.of())) {
            AgentClient ann = new AgentClient(again.baseUri()).signedIn("ann", "ann long password");
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");

            assertThat(PhonePage.text(again.baseUri(), NUMBER, "the key please")).isEqualTo(303);

            assertThat(ann.getOk("/api/agent/conversations").path("conversations").findValuesAsText("conversationId"))
                    .as("hers across the restart").containsExactly(webId);
            await().atMost(Duration.ofSeconds(10)).alias("the text is routed with the web conversation").until(() ->
                    AgentClient.texts(ann.getOk("/api/agent/conversations/" + webId)).contains("the key please"));
            assertThat(AgentClient.texts(ann.getOk("/api/agent/conversations/" + webId)))
                    .startsWith("text me the licence key");
            JsonNode sms = ann.postOk("/api/agent/conversations/" + webId + "/messages", "{\"text\": \"XK-42\"}");
            assertThat(sms.path("message").path("channel").asText()).isEqualTo("sms");
            await().atMost(Duration.ofSeconds(10)).until(() -> new HttpJson(again.baseUri())
                    .get("/smpp/phone/texts?number=%2B447700900321", null).body().contains("XK-42"));
            assertThat(AgentClient.texts(new HttpJson(again.baseUri()).get("/api/conversations/" + webId, webToken).json()))
                    .as("what the web visitor reads").doesNotContain("the key please", "XK-42");
        }
    }
}
