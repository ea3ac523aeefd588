package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.GatewayProcess;
import dev.switchboard.testing.HttpJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway killed with SIGKILL right after answering has lost nothing it acknowledged. */
class CrashRecoveryTest {

    @Test
    void everyAnsweredMessageIsThereAfterAKillAndRestart(@TempDir Path dataDir, @TempDir Path logs) throws Exception {
        List<JsonNode> answered = new ArrayList<>();
        try (GatewayProcess first = GatewayProcess.start(dataDir, logs.resolve("first.log"))) {
            HttpJson http = first.http();
            for (int i = 0; i < 5; i++) {
                HttpJson.Response response = http.postJson("/api/help",
                        "{\"text\": \"question " + i + " before the crash\"}", null);
                assertThat(response.status()).isEqualTo(201);
                answered.add(response.json());
            }
            first.kill();
        }

        try (GatewayProcess second = GatewayProcess.start(dataDir, logs.resolve("second.log"))) {
            HttpJson http = second.http();
            for (int i = 0; i < answered.size(); i++) {
                JsonNode before = answered.get(i);
                HttpJson.Response thread = http.get("/api/conversations/" + before.path("conversationId").asText(),
                        before.path("customerToken").asText());
                assertThat(thread.status()).as("conversation %d after the crash", i).isEqualTo(200);
                JsonNode messages = thread.json().path("messages");
                assertThat(messages).hasSize(2);
                assertThat(messages.get(0).path("text").asText()).isEqualTo("question " + i + " before the crash");
                assertThat(messages.get(1).path("text").asText()).isEqualTo(before.path("reply").path("text").asText());
            }
        }
    }
}
