package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.hub.knowledge.ChoiceBoost;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suggested answers through the agent API of a whole gateway, while an agent is on duty. */
class SuggestedAnswersApiTest {

    private static double scoreOf(JsonNode suggestions, String articleId) {
        for (JsonNode suggestion : suggestions) {
            if (suggestion.path("articleId").asText().equals(articleId)) {
                return suggestion.path("score").asDouble();
            }
        }
        throw new AssertionError("no suggestion " + articleId + " in " + suggestions);
    }

    @Test
    void anAgentOnDutyIsSuggestedArticlesForTheCustomersLastMessageAndHisChoiceRaisesOneOnce(@TempDir Path dir)
            throws Exception {
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 1);
            AgentClient bob = agent(gateway, boss, "bob", "[\"general\"]", 1);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");

            JsonNode asked = new HttpJson(gateway.baseUri())
                    .postJson("/api/help", "{\"text\": \"what are your opening hours\"}", null).json();
            assertThat(asked.path("reply").path("queue").path("agentsOnDuty").asBoolean())
                    .as("queued for an agent, not answered by the knowledge base").isTrue();
            String id = ann.claimNextOffer();
            String suggestionsPath = "/api/agent/conversations/" + id + "/suggestions";

            JsonNode before = ann.getOk(suggestionsPath);
            JsonNode suggestions = before.path("suggestions");
            assertThat(before.path("conversationId").asText()).isEqualTo(id);
            assertThat(suggestions.size()).isBetween(1, 3);
            JsonNode best = suggestions.get(0);
            assertThat(best.path("articleId").asText()).isEqualTo("opening-hours");
            assertThat(best.path("topic").asText()).isEqualTo("Opening hours");
            assertThat(best.path("question").asText()).isEqualTo("What are your opening hours?");
            assertThat(best.path("answer").asText()).isNotBlank();
            assertThat(best.path("score").asDouble()).isBetween(0.4, 1.0);
            assertThat(bob.get(suggestionsPath).status()).as("not his conversation").isEqualTo(404);

            String chosen = suggestions.get(suggestions.size() - 1).path("articleId").asText();
            double scoreBefore = scoreOf(suggestions, chosen);
            String choose = suggestionsPath + "/" + chosen + "/chosen";
            assertThat(ann.postWithCsrf(choose, "{}", null).status()).as("without the CSRF token").isEqualTo(403);
            assertThat(bob.post(choose, "{}").status()).as("not his conversation").isEqualTo(404);
            assertThat(ann.post(suggestionsPath + "/no-such-article/chosen", "{}").status()).isEqualTo(404);

            assertThat(ann.postOk(choose, "{}").path("counted").asBoolean()).isTrue();
            assertThat(ann.postOk(choose, "{}").path("counted").asBoolean()).as("a double click").isFalse();

            double scoreAfter = scoreOf(ann.getOk(suggestionsPath).path("suggestions"), chosen);
            assertThat(scoreAfter).as("raised by one choice, counted once")
                    .isCloseTo(Math.min(1.0, scoreBefore * ChoiceBoost.factor(1)), within(1e-9))
                    .isGreaterThan(scoreBefore);
        }
    }
}
