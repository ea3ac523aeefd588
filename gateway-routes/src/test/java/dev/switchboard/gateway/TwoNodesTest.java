package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.Ports;
import dev.switchboard.testing.TestGateways;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cluster tier: two gateway nodes on loopback share conversations through Hazelcast. */
class TwoNodesTest {

    @Test
    void aConversationOpenedOnOneNodeIsReadOnTheOtherAndOutlivesTheFirst(@TempDir Path dirA, @TempDir Path dirB)
            throws Exception {
        int portA = Ports.free();
        int portB = Ports.free();
        String cluster = "two-nodes-" + System.nanoTime();
        CompletableFuture<Gateway> startingA = CompletableFuture.supplyAsync(() -> TestGateways.clusterNode(dirA, cluster, portA, portB));
        CompletableFuture<Gateway> startingB = CompletableFuture.supplyAsync(() -> TestGateways.clusterNode(dirB, cluster, portB, portA));
        try (Gateway a = startingA.get(); Gateway b = startingB.get()) {
            HttpJson nodeA = new HttpJson(a.baseUri());
            HttpJson nodeB = new HttpJson(b.baseUri());
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    nodeB.get("/health", null).json().path("components").path("hazelcast").path("detail").asText()
                            .startsWith("2 "));

            JsonNode opened = nodeA.postJson("/api/help", "{\"text\": \"What are your opening hours?\"}", null).json();
            String path = "/api/conversations/" + opened.path("conversationId").asText();
            String token = opened.path("customerToken").asText();

            HttpJson.Response onB = nodeB.get(path, token);
            assertThat(onB.status()).isEqualTo(200);
            assertThat(onB.json().path("messages").get(0).path("text").asText()).isEqualTo("What are your opening hours?");

            a.close();

            HttpJson.Response afterA = nodeB.get(path, token);
            assertThat(afterA.status()).isEqualTo(200);
            assertThat(afterA.json().path("messages")).hasSize(2);
        }
    }
}
