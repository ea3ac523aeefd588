package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.agent;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole gateway stopped and started again on its data directory: a customer waiting in the queue is there again
 * with his place and is offered to the agent who signs in, what an agent owned (active or suspended, with who is
 * invited and the notes) is still his, a finished conversation stays finished, and a customer's preferred agent
 * still gets him first.
 */
class DeskRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String RETURNING = "\"visitorId\": \"visitor-returning-1\"";
    private static final String AVAILABLE = "{\"presence\": \"available\"}";

    @Test
    void theQueueWhatAgentsOwnAndPreferredAgentsSurviveARestart(@TempDir Path dir) throws Exception {
        String finishedId;
        String suspendedId;
        String ownedId;
        String waitingId;
        String waitingSince;
        String returningToken;
        try (Gateway gateway = gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 1);
            agent(gateway, boss, "bob", "[\"general\"]", 1);
            ann.postOk("/api/agent/presence", AVAILABLE);
            HttpJson web = new HttpJson(gateway.baseUri());

            returningToken = web.postJson("/api/help", "{\"text\": \"My zorblax wibbles\", " + RETURNING + "}", null).json()
                    .path("customerToken").asText();
            finishedId = ann.claimNextOffer();
            ann.postOk("/api/agent/conversations/" + finishedId + "/preferred", "{}");
            ann.postOk("/api/agent/conversations/" + finishedId + "/finish", "{\"wrapUp\": \"solved\"}");

            web.postJson("/api/help", "{\"text\": \"My florp hums at night\"}", null);
            suspendedId = ann.claimNextOffer();
            ann.postOk("/api/agent/conversations/" + suspendedId + "/suspend", "{}");

            web.postJson("/api/help", "{\"text\": \"My quibble is stuck\"}", null);
            ownedId = ann.claimNextOffer();
            ann.postOk("/api/agent/conversations/" + ownedId + "/invite",
                    "{\"agent\": \"bob\", \"note\": \"He tried turning it off and on\"}");

            waitingId = web.postJson("/api/help", "{\"text\": \"Where are my sprockets?\"}", null).json()
                    .path("conversationId").asText();
            await().atMost(WAIT).until(() -> queue(boss).size() == 1);
            JsonNode waiting = queue(boss).get(0);
            assertThat(waiting.path("conversationId").asText()).isEqualTo(waitingId);
            assertThat(waiting.path("offeredTo")).as("ann has no seat free").isEmpty();
            waitingSince = waiting.path("queuedAt").asText();
        }

        try (Gateway restarted = gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(restarted.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            List<JsonNode> queue = queue(boss);
            assertThat(queue).as("waiting as before; the finished one is not queued again").singleElement()
                    .satisfies(waiting -> {
                        assertThat(waiting.path("conversationId").asText()).isEqualTo(waitingId);
                        assertThat(Instant.parse(waiting.path("queuedAt").asText())).as("kept to the microsecond")
                                .isEqualTo(Instant.parse(waitingSince).truncatedTo(ChronoUnit.MICROS));
                        assertThat(waiting.path("position").asInt()).isEqualTo(1);
                        assertThat(waiting.path("skill").asText()).isEqualTo("general");
                        assertThat(waiting.path("offeredTo")).isEmpty();
                    });

            AgentClient ann = new AgentClient(restarted.baseUri()).signedIn("ann", "ann long password");
            JsonNode status = ann.postOk("/api/agent/presence", AVAILABLE);
            assertThat(status.path("load").asInt()).as("the conversation she owns holds her one seat again").isEqualTo(1);
            JsonNode mine = ann.getOk("/api/agent/conversations").path("conversations");
            assertThat(mine).hasSize(2);
            JsonNode suspended = byId(mine, suspendedId);
            assertThat(suspended.path("stage").asText()).isEqualTo("SUSPENDED");
            assertThat(suspended.path("owner").asText()).isEqualTo("ann");
            JsonNode owned = byId(mine, ownedId);
            assertThat(owned.path("stage").asText()).isEqualTo("ACTIVE");
            assertThat(owned.path("ownerName").asText()).isEqualTo("Ann");
            assertThat(owned.path("participants")).extracting(JsonNode::asText).containsExactly("ann");
            assertThat(owned.path("invited")).extracting(JsonNode::asText).containsExactly("bob");
            assertThat(owned.path("notes").get(0).path("text").asText()).isEqualTo("He tried turning it off and on");
            assertThat(AgentClient.texts(ann.getOk("/api/agent/conversations/" + ownedId)))
                    .contains("My quibble is stuck");
            assertThat(ann.getOk("/api/agent/offers").path("offers")).as("no seat free for the waiting one").isEmpty();

            ann.postOk("/api/agent/conversations/" + ownedId + "/finish", "{}");
            assertThat(ann.claimNextOffer()).isEqualTo(waitingId);
            assertThat(ann.getOk("/api/agent/conversations/" + waitingId).path("owner").asText()).isEqualTo("ann");

            AgentClient bob = new AgentClient(restarted.baseUri()).signedIn("bob", "bob long password");
            bob.postOk("/api/agent/presence", AVAILABLE);
            JsonNode back = new HttpJson(restarted.baseUri()).postJson("/api/help",
                    "{\"text\": \"My zorblax wibbles again\", " + RETURNING + "}", returningToken).json();
            await().atMost(WAIT).until(() -> queue(boss).size() == 1);
            JsonNode returning = queue(boss).get(0);
            assertThat(returning.path("conversationId").asText()).isEqualTo(back.path("conversationId").asText());
            assertThat(returning.path("reservedFor").asText()).as("his preferred agent first").isEqualTo("ann");
        }
    }

    private static List<JsonNode> queue(AgentClient anyone) {
        List<JsonNode> waiting = new ArrayList<>();
        anyone.getOk("/api/agent/queue").path("waiting").forEach(waiting::add);
        return waiting;
    }

    private static JsonNode byId(JsonNode assignments, String conversationId) {
        for (JsonNode assignment : assignments) {
            if (assignment.path("conversationId").asText().equals(conversationId)) {
                return assignment;
            }
        }
        throw new AssertionError("no conversation " + conversationId + " in " + assignments);
    }
}
