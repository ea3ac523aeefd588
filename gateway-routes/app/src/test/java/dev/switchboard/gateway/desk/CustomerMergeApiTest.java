package dev.switchboard.gateway.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent merges two customer records that are one person and undoes it, through the agent API of a whole
 * gateway: one thread while merged, each customer's own thread afterwards, nothing lost, kept across a restart.
 */
class CustomerMergeApiTest {

    @Test
    void twoCustomersMergedReadAsOneThreadAndTheUndoGivesEachHisOwnBack(@TempDir Path dir) throws Exception {
        String laptopId;
        String phoneId;
        String phoneToken;
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = AgentRoutingApiTest.agent(gateway, boss, "ann", "[\"general\"]", 3);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            HttpJson web = new HttpJson(gateway.baseUri());

            web.postJson("/api/help", "{\"text\": \"which software do I need?\", \"visitorId\": \"laptop-0001\"}", null);
            laptopId = ann.claimNextOffer();
            JsonNode phone = web.postJson("/api/help",
                    "{\"text\": \"and the licence key?\", \"visitorId\": \"phone-0002\"}", null).json();
            phoneId = phone.path("conversationId").asText();
            phoneToken = phone.path("customerToken").asText();
            assertThat(ann.claimNextOffer()).isEqualTo(phoneId);

            JsonNode merged = ann.postOk("/api/agent/conversations/" + laptopId + "/merge",
                    "{\"conversation\": \"" + phoneId + "\"}");
            assertThat(merged.path("merged").path("mergedBy").asText()).isEqualTo("ann");
            assertThat(ann.post("/api/agent/conversations/" + laptopId + "/merge",
                    "{\"conversation\": \"" + phoneId + "\"}").status()).isEqualTo(409);

            JsonNode thread = ann.getOk("/api/agent/conversations/" + laptopId);
            assertThat(AgentClient.texts(thread)).contains("which software do I need?", "and the licence key?");
            assertThat(thread.path("merged").get(0).path("conversationId").asText()).isEqualTo(phoneId);
            JsonNode later = web.postJson("/api/conversations/" + phoneId + "/messages",
                    "{\"text\": \"are you there?\"}", phoneToken).json();
            assertThat(later.path("reply").path("text").asText()).isEqualTo("Ann has your message and will answer here.");
            assertThat(AgentClient.texts(ann.getOk("/api/agent/conversations/" + laptopId))).contains("are you there?");
            assertThat(AgentClient.texts(web.get("/api/conversations/" + phoneId, phoneToken).json()))
                    .as("the phone reads only its own thread").doesNotContain("which software do I need?");
        }
        try (Gateway again = AgentRoutingApiTest.gateway(dir, Map.of())) {
            AgentClient ann = new AgentClient(again.baseUri()).signedIn("ann", "ann long password");
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            new HttpJson(again.baseUri()).postJson("/api/conversations/" + phoneId + "/messages",
                    "{\"text\": \"back after the weekend\"}", phoneToken);

            assertThat(ann.getOk("/api/agent/conversations").path("conversations").findValuesAsText("conversationId"))
                    .as("hers across the restart").contains(laptopId);
            await().atMost(Duration.ofSeconds(10)).until(() -> AgentClient.texts(
                    ann.getOk("/api/agent/conversations/" + laptopId)).contains("back after the weekend"));
            assertThat(AgentClient.texts(ann.getOk("/api/agent/conversations/" + laptopId)))
                    .as("the merge is kept across a restart: the phone's message is routed with the laptop's"
                            + " conversation").contains("which software do I need?", "are you there?");
        }
    }

    @Test
    void undoLeavesEachThreadAsItWasWithWhatCameInMeanwhile(@TempDir Path dir) throws Exception {
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = AgentRoutingApiTest.agent(gateway, boss, "ann", "[\"general\"]", 3);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            HttpJson web = new HttpJson(gateway.baseUri());
            web.postJson("/api/help", "{\"text\": \"first device\", \"visitorId\": \"laptop-0003\"}", null);
            String laptopId = ann.claimNextOffer();
            JsonNode phone = web.postJson("/api/help", "{\"text\": \"second device\", \"visitorId\": \"phone-0004\"}",
                    null).json();
            String phoneId = ann.claimNextOffer();
            ann.postOk("/api/agent/conversations/" + laptopId + "/merge", "{\"conversation\": \"" + phoneId + "\"}");
            web.postJson("/api/conversations/" + phoneId + "/messages", "{\"text\": \"while merged\"}",
                    phone.path("customerToken").asText());

            ann.postOk("/api/agent/conversations/" + laptopId + "/unmerge", "{\"conversation\": \"" + phoneId + "\"}");

            assertThat(AgentClient.texts(ann.getOk("/api/agent/conversations/" + laptopId))).contains("first device")
                    .doesNotContain("second device", "while merged");
            assertThat(AgentClient.texts(ann.getOk("/api/agent/conversations/" + phoneId))).contains("second device", "while merged")
                    .doesNotContain("first device");
            assertThat(ann.post("/api/agent/conversations/" + laptopId + "/unmerge",
                    "{\"conversation\": \"" + phoneId + "\"}").status()).isEqualTo(404);
        }
    }
}
