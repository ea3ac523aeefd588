package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.agent;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answering, inviting, transferring and finishing through the agent API, as a web customer sees it. */
class AgentConversationApiTest {

    private static List<String> authors(JsonNode thread) {
        List<String> authors = new ArrayList<>();
        thread.path("messages").forEach(m -> authors.add(m.path("direction").asText() + " " + m.path("channel").asText()
                + " " + m.path("author").asText() + ": " + m.path("text").asText()));
        return authors;
    }

    @Test
    void twoAgentsAnswerAWebCustomerHandItOverAndFinishAndHisNextContactGoesToThePreferredAgent(@TempDir Path dir)
            throws Exception {
        try (Gateway gateway = gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 2);
            AgentClient bob = agent(gateway, boss, "bob", "[\"general\"]", 2);
            boss.postOk("/api/agent/accounts/ann", "{\"teams\": [\"tier-1\"]}");
            boss.postOk("/api/agent/accounts/bob", "{\"teams\": [\"tier-2\"]}");
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            bob.postOk("/api/agent/presence", "{\"presence\": \"available\"}");

            HttpJson customer = new HttpJson(gateway.baseUri());
            JsonNode asked = customer.postJson("/api/help", "{\"text\": \"Which software should I use?\"}", null).json();
            String id = asked.path("conversationId").asText();
            String token = asked.path("customerToken").asText();
            String path = "/api/agent/conversations/" + id;
            assertThat(bob.getOk("/api/agent/offers").path("offers")).hasSize(1);
            ann.postOk(path + "/claim", "{}");

            HttpJson.Response answered = ann.post(path + "/messages",
                    "{\"text\": \"Use the desktop edition.\", \"idempotencyKey\": \"a-1\"}");
            assertThat(answered.status()).isEqualTo(201);
            assertThat(answered.json().path("message").path("channel").asText()).isEqualTo("web-chat");
            assertThat(ann.post(path + "/messages", "{\"text\": \"Use the desktop edition.\", \"idempotencyKey\": \"a-1\"}")
                    .status()).isEqualTo(201);
            ann.postOk(path + "/preferred", "{}");

            ann.postOk(path + "/invite", "{\"agent\": \"bob\", \"note\": \"licence question, can you help?\"}");
            assertThat(bob.getOk("/api/agent/conversations").path("invitations").get(0).path("conversationId").asText())
                    .isEqualTo(id);
            bob.postOk(path + "/join", "{}");
            bob.postOk(path + "/messages", "{\"text\": \"The licence covers two machines.\"}");
            JsonNode afterLeave = ann.postOk(path + "/leave", "{}");
            assertThat(afterLeave.path("owner").asText()).isEqualTo("bob");

            JsonNode transferred = bob.postOk(path + "/transfer",
                    "{\"toTeam\": \"tier-1\", \"note\": \"back to Ann's team\"}");
            assertThat(transferred.path("stage").asText()).isEqualTo("QUEUED");
            assertThat(transferred.path("offeredTo").toString()).isEqualTo("[\"ann\"]");
            JsonNode claimedAgain = ann.postOk(path + "/claim", "{}");
            assertThat(claimedAgain.path("notes").get(1).path("text").asText()).isEqualTo("back to Ann's team");
            assertThat(claimedAgain.path("notes").get(1).path("to").asText()).isEqualTo("team tier-1");

            HttpJson.Response noSms = ann.post(path + "/messages", "{\"text\": \"by SMS\", \"channel\": \"sms\"}");
            assertThat(noSms.status()).as("a web visitor has no phone number").isEqualTo(409);
            assertThat(noSms.json().path("message").asText()).contains("the customer has no address on channel 'sms'");
            assertThat(ann.post(path + "/messages", "{\"text\": \"by pager\", \"channel\": \"pager\"}").json()
                    .path("message").asText()).contains("no adapter sends on channel 'pager'");
            assertThat(bob.post(path + "/messages", "{\"text\": \"still here?\"}").status()).isEqualTo(404);

            JsonNode thread = customer.get("/api/conversations/" + id, token).json();
            assertThat(authors(thread)).containsSubsequence(
                    "inbound web-chat you: Which software should I use?",
                    "outbound web-chat Ann: Use the desktop edition.",
                    "outbound web-chat Bob: The licence covers two machines.");
            assertThat(authors(thread)).filteredOn(line -> line.contains("desktop edition")).hasSize(1);

            JsonNode finished = ann.postOk(path + "/finish", "{\"wrapUp\": \"software-advice\"}");
            assertThat(finished.path("stage").asText()).isEqualTo("FINISHED");
            assertThat(finished.path("wrapUp").asText()).isEqualTo("software-advice");
            assertThat(ann.getOk("/api/agent/conversations").path("conversations")).isEmpty();

            customer.postJson("/api/conversations/" + id + "/messages", "{\"text\": \"One more question\"}", token);
            JsonNode back = boss.getOk(path);
            assertThat(back.path("stage").asText()).isEqualTo("QUEUED");
            assertThat(back.path("offeredTo").toString()).isEqualTo("[\"ann\"]");
            assertThat(bob.getOk("/api/agent/offers").path("offers")).isEmpty();
        }
    }

    @Test
    void agentsCannotActOnConversationsThatAreNotTheirs(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 2);
            AgentClient eve = agent(gateway, boss, "eve", "[\"billing\"]", 2);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            eve.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            String id = new HttpJson(gateway.baseUri()).postJson("/api/help", "{\"text\": \"hello there\"}", null)
                    .json().path("conversationId").asText();
            String path = "/api/agent/conversations/" + id;
            ann.postOk(path + "/claim", "{}");

            for (String action : new String[] {"/finish", "/transfer", "/invite", "/suspend", "/messages"}) {
                HttpJson.Response refused = eve.post(path + action, "{\"text\": \"x\", \"toTeam\": \"x1\", \"agent\": \"eve\"}");
                assertThat(refused.status()).as(action).isEqualTo(404);
            }
            assertThat(eve.get(path).status()).isEqualTo(404);
            assertThat(ann.post(path + "/transfer", "{\"note\": \"to nobody\"}").status()).isEqualTo(400);
            assertThat(ann.post(path + "/messages", "{\"text\": ").status()).isEqualTo(400);
            assertThat(ann.getOk(path).path("messages").get(0).path("text").asText()).isEqualTo("hello there");
        }
    }
}
