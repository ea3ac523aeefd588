package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.agent;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.EventStreamClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TwoNodeCluster;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mobile app's push connection ({@code /api/app/conversations/{id}/events}): an agent's answer on channel
 * {@code mobile-app} reaches the app's open stream, on the node it is connected to, and never another customer's.
 */
class AppPushTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    /** A customer of the app: his conversation and token, opened with the app's install id. */
    private record AppCustomer(String conversationId, String token) {
        static AppCustomer asks(HttpJson api, String installId, String text) {
            HttpJson.Response opened = api.postJson("/api/help",
                    "{\"text\": " + HttpJson.quote(text) + ", \"appInstallId\": \"" + installId + "\"}", null);
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            return new AppCustomer(opened.json().path("conversationId").asText(),
                    opened.json().path("customerToken").asText());
        }

        EventStreamClient listen(URI node, String token) {
            return EventStreamClient.open(node.resolve("/api/app/conversations/" + conversationId + "/events"), token, null);
        }
    }

    private static AgentClient availableAgent(Gateway gateway, String name) {
        AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
        AgentClient agent = agent(gateway, boss, name, "[\"general\"]", 4);
        agent.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
        return agent;
    }

    private static JsonNode answer(AgentClient agent, AppCustomer customer, String text) {
        String path = "/api/agent/conversations/" + customer.conversationId();
        // The offer is made by the routing tick, on whichever node: claim once it is there.
        await().atMost(QUICKLY).until(() -> agent.getOk("/api/agent/offers").path("offers").findValuesAsText("conversationId")
                .contains(customer.conversationId()));
        agent.postOk(path + "/claim", "{}");
        HttpJson.Response sent = agent.post(path + "/messages", "{\"text\": " + HttpJson.quote(text) + "}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        return sent.json().path("message");
    }

    @Test
    void anAgentsAnswerIsPushedToTheAppAndAnotherCustomersTokenGetsNothing(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gateway(dir, Map.of())) {
            HttpJson api = new HttpJson(gateway.baseUri());
            AgentClient ann = availableAgent(gateway, "ann");
            AppCustomer alice = AppCustomer.asks(api, "app-alice-0001", "Is my parcel on its way?");
            AppCustomer bob = AppCustomer.asks(api, "app-bob-00001", "Do you open on Sundays?");

            try (EventStreamClient alices = alice.listen(gateway.baseUri(), alice.token());
                 EventStreamClient bobsOnAlices = alice.listen(gateway.baseUri(), bob.token());
                 EventStreamClient bobs = bob.listen(gateway.baseUri(), bob.token())) {
                assertThat(alices.status()).isEqualTo(200);
                assertThat(alices.contentType()).startsWith("text/event-stream");
                assertThat(bobsOnAlices.status()).as("Bob's token does not open Alice's thread").isEqualTo(404);
                assertThat(bobsOnAlices.refusal()).contains("\"error\":\"not-found\"").doesNotContain("parcel");
                assertThat(alice.listen(gateway.baseUri(), null).status()).isEqualTo(404);
                assertThat(alices.nextContaining("message", "Is my parcel on its way?", QUICKLY))
                        .as("the stream starts with the thread").isNotNull();

                JsonNode sent = answer(ann, alice, "It arrives today before noon.");
                assertThat(sent.path("channel").asText()).as("Alice last wrote from the app").isEqualTo("mobile-app");

                EventStreamClient.Event pushed = alices.nextContaining("message", "It arrives today before noon.", QUICKLY);
                assertThat(pushed).as("the agent's answer pushed to Alice's app").isNotNull();
                assertThat(pushed.id()).isEqualTo(sent.path("id").asText());
                assertThat(pushed.data()).contains("\"author\":\"Ann\"", "\"direction\":\"outbound\"");

                answer(ann, bob, "Sundays 10 to 4.");
                assertThat(bobs.nextContaining("message", "Sundays 10 to 4.", QUICKLY)).isNotNull();
                List<EventStreamClient.Event> bobSaw = bobs.drain();
                assertThat(bobSaw).noneMatch(e -> e.data().contains("parcel") || e.data().contains("noon"));
            }
        }
    }

    @Test
    void anAnswerStoredOnOneNodeReachesTheAppConnectedToTheOther(@TempDir Path dirA, @TempDir Path dirB)
            throws Exception {
        try (TwoNodeCluster nodes = AgentsOnTwoNodesTest.cluster(dirA, dirB, "app-push", Map.of())) {
            Gateway a = nodes.a();
            Gateway b = nodes.b();
            HttpJson onB = new HttpJson(b.baseUri());
            AgentClient ann = availableAgent(a, "ann");
            // Until B's routing counts her, a question the knowledge base knows is answered there, not queued.
            await().atMost(QUICKLY).until(() -> AgentsOnTwoNodesTest.agentsSeenBy(b).startsWith("1 on duty"));
            AppCustomer carol = AppCustomer.asks(onB, "app-carol-0001", "Where is the nearest service point?");

            try (EventStreamClient carols = carol.listen(b.baseUri(), carol.token())) {
                assertThat(carols.nextContaining("message", "nearest service point", QUICKLY)).isNotNull();

                answer(ann, carol, "Two streets away, on Long Street.");

                assertThat(carols.nextContaining("message", "Two streets away", QUICKLY))
                        .as("stored on node A, pushed by node B").isNotNull();
            }
        }
    }
}
