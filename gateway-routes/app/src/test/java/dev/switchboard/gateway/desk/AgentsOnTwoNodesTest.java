package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.LiveFrames;
import dev.switchboard.testing.TwoNodeCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster tier: agents on one node take conversations that arrived on the other; events cross nodes, to the
 * events API and to the live connection alike.
 */
class AgentsOnTwoNodesTest {

    /** Two nodes with the agent desk's test settings, then {@code more}. */
    static TwoNodeCluster cluster(Path dirA, Path dirB, String name, Map<String, String> more) throws Exception {
        return TwoNodeCluster.start(dirA, dirB, name, AgentRoutingApiTest.deskSettings(more));
    }

    /** What node's routing counts: "N on duty, M waiting". */
    static String agentsSeenBy(Gateway node) {
        return new HttpJson(node.baseUri()).get("/health", null).json().path("components").path("agents").path("detail")
                .asText();
    }

    @Test
    void anAgentWhoComesOnDutyOnNodeAIsCountedOnNodeBAtOnceNotAtItsNextTick(@TempDir Path dirA, @TempDir Path dirB)
            throws Exception {
        // The desk's ticks (which read every agent's status again) are an hour apart: only the desk event can tell B.
        Map<String, String> noTicks = Map.of(SwitchboardConfig.DESK_TICK_MILLIS, String.valueOf(Duration.ofHours(1).toMillis()));
        try (TwoNodeCluster nodes = cluster(dirA, dirB, "agents-on-duty", noTicks)) {
            Gateway a = nodes.a();
            Gateway b = nodes.b();
            assertThat(agentsSeenBy(b)).isEqualTo("0 on duty, 0 waiting");
            AgentClient boss = new AgentClient(a.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = AgentRoutingApiTest.agent(a, boss, "ann", "[\"general\"]", 2);

            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");

            await().atMost(Duration.ofSeconds(10)).until(() -> agentsSeenBy(b).startsWith("1 on duty"));
            // A question the knowledge base knows: with nobody on duty it would be answered there and never queued.
            JsonNode asked = new HttpJson(b.baseUri())
                    .postJson("/api/help", "{\"text\": \"What are your opening hours?\"}", null).json();
            assertThat(asked.path("reply").path("view").asText()).as(asked.toString()).isEqualTo("queue-status");
            String id = asked.path("conversationId").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> ann.getOk("/api/agent/offers").path("offers")
                    .findValuesAsText("conversationId").contains(id));

            ann.postOk("/api/agent/presence", "{\"presence\": \"away\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> agentsSeenBy(b).startsWith("0 on duty"));
        }
    }

    private static List<String> events(AgentClient agent, String type, String conversationId) {
        List<String> found = new ArrayList<>();
        for (JsonNode event : agent.getOk("/api/agent/events?after=0").path("events")) {
            if (event.path("type").asText().equals(type) && event.path("conversationId").asText().equals(conversationId)) {
                found.add(event.path("seq").asText());
            }
        }
        return found;
    }

    @Test
    void anAgentOnNodeAClaimsAConversationThatArrivedOnNodeBAndTheRaceWithAnAgentOnBHasOneWinner(
            @TempDir Path dirA, @TempDir Path dirB) throws Exception {
        try (TwoNodeCluster nodes = cluster(dirA, dirB, "agents-two-nodes", Map.of())) {
            Gateway a = nodes.a();
            Gateway b = nodes.b();
            AgentClient boss = new AgentClient(a.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = AgentRoutingApiTest.agent(a, boss, "ann", "[\"general\"]", 2);
            AgentClient bob = AgentRoutingApiTest.agent(b, boss, "bob", "[\"general\"]", 2);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            bob.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            LiveFrames annLive = new LiveFrames();
            ann.live(null, annLive).get(10, TimeUnit.SECONDS);
            annLive.next(LiveFrames.of("HELLO", null), Duration.ofSeconds(10));

            JsonNode asked = new HttpJson(b.baseUri()).postJson("/api/help", "{\"text\": \"zorblax wibble florp\"}", null).json();
            String id = asked.path("conversationId").asText();
            // pushed to ann's live connection on node A through the cluster's topic
            annLive.next(LiveFrames.of("OFFERED", id), Duration.ofSeconds(10));

            await().atMost(Duration.ofSeconds(10)).until(() -> !events(ann, "OFFERED", id).isEmpty());
            assertThat(ann.getOk("/api/agent/offers").path("offers").get(0).path("conversationId").asText()).isEqualTo(id);
            assertThat(bob.getOk("/api/agent/offers").path("offers")).hasSize(1);

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<HttpJson.Response> annAccepts = CompletableFuture.supplyAsync(() -> {
                waitFor(go);
                return ann.post("/api/agent/conversations/" + id + "/claim", "{}");
            });
            CompletableFuture<HttpJson.Response> bobAccepts = CompletableFuture.supplyAsync(() -> {
                waitFor(go);
                return bob.post("/api/agent/conversations/" + id + "/claim", "{}");
            });
            go.countDown();
            List<Integer> statuses = List.of(annAccepts.get().status(), bobAccepts.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            String winner = annAccepts.get().status() == 200 ? "ann" : "bob";
            AgentClient winning = winner.equals("ann") ? ann : bob;
            AgentClient losing = winner.equals("ann") ? bob : ann;

            assertThat(new AgentClient(b.baseUri()).signedIn("boss", BOSS_PASSWORD)
                    .getOk("/api/agent/conversations/" + id).path("owner").asText()).isEqualTo(winner);
            await().atMost(Duration.ofSeconds(10)).until(() -> !events(losing, "CLAIMED", id).isEmpty());
            assertThat(losing.getOk("/api/agent/offers").path("offers")).isEmpty();
            assertThat(winning.getOk("/api/agent/conversations/" + id).path("messages").get(0).path("text").asText())
                    .isEqualTo("zorblax wibble florp");

            new HttpJson(a.baseUri()).postJson("/api/conversations/" + id + "/messages", "{\"text\": \"hello?\"}",
                    asked.path("customerToken").asText());
            await().atMost(Duration.ofSeconds(10)).until(() -> !events(winning, "MESSAGE", id).isEmpty());
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
