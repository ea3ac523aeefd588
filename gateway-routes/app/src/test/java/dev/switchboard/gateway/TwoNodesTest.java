package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TwoNodeCluster;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cluster tier: two gateway nodes on loopback share conversations through Hazelcast. */
class TwoNodesTest {

    @Test
    void aConversationOpenedOnOneNodeIsReadOnTheOtherAndOutlivesTheFirst(@TempDir Path dirA, @TempDir Path dirB)
            throws Exception {
        try (TwoNodeCluster nodes = TwoNodeCluster.start(dirA, dirB, "two-nodes", Map.of())) {
            Gateway a = nodes.a();
            HttpJson nodeA = new HttpJson(a.baseUri());
            HttpJson nodeB = new HttpJson(nodes.b().baseUri());

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
