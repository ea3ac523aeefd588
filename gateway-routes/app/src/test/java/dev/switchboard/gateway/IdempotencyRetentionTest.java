package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.HttpJson.Response;
import dev.switchboard.testing.TestGateways;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcomes kept to answer retries go once their time is up, and a later repeat still leaves the thread as it was. */
class IdempotencyRetentionTest {
    @TempDir
    Path dataDir;

    @Test
    void aRepeatAfterItsOutcomeIsGoneIsHandledAgainAndTheThreadStillHoldsTheMessageOnce() throws Exception {
        try (Gateway gateway = TestGateways.start(dataDir, Map.of("switchboard.idempotency.keep-seconds", "2"))) {
            HttpJson http = new HttpJson(gateway.baseUri());
            String body = "{\"text\": \"What are your opening hours?\", \"visitorId\": \"visitor-kept-1\"}";
            Response first = http.postJson("/api/help", body, null, "kept-1");
            String token = first.json().path("customerToken").asText();
            assertThat(http.postJson("/api/help", body, token, "kept-1").json().path("duplicate").asBoolean())
                    .as("a retry while the outcome is kept").isTrue();

            JsonNode handledAgain = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> http.postJson("/api/help", body, token, "kept-1").json(),
                            reply -> !reply.path("duplicate").asBoolean());

            assertThat(handledAgain.path("conversationId")).isEqualTo(first.json().path("conversationId"));
            assertThat(handledAgain.path("reply").path("text")).isEqualTo(first.json().path("reply").path("text"));
            JsonNode thread = http.get("/api/conversations/" + first.json().path("conversationId").asText(), token)
                    .json().path("messages");
            assertThat(thread).as("the question and its answer, once").hasSize(2);
        }
    }
}
