package dev.switchboard.adapter.web;

import static dev.switchboard.adapter.web.CustomerApiClient.READER;
import static dev.switchboard.adapter.web.CustomerApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.web.CustomerApiClient.Opened;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.Rating;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/conversations/{id}/rating} and the conversation's {@code ratingAsked}, as an HTTP client sees them,
 * served by a real Jetty in front of an in-memory help desk that asks a rating when the test says an agent finished.
 */
class ConversationRatingTest {
    private static final RecordingHelpDesk helpDesk = ApiServer.helpDesk();
    private static CustomerApiClient api;

    @BeforeAll
    static void start() throws Exception {
        api = CustomerApiClient.start(helpDesk);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static HttpResponse<String> rate(Opened conversation, String body) throws Exception {
        return api.send("POST", "/api/conversations/" + conversation.id() + "/rating", body, conversation.token());
    }

    private static boolean ratingAsked(Opened conversation) throws Exception {
        HttpResponse<String> read = api.send("GET", "/api/conversations/" + conversation.id(), null,
                conversation.token());
        assertThat(read.statusCode()).isEqualTo(200);
        return json(read).path("ratingAsked").booleanValue();
    }

    @Test
    void aRatingAskedIsShownInTheConversationAndGivenOnceWithItsComment() throws Exception {
        Opened conversation = api.open();
        assertThat(json(api.send("GET", "/api/conversations/" + conversation.id(), null, conversation.token()))
                .get("ratingAsked").isBoolean()).as("always reported").isTrue();
        assertThat(ratingAsked(conversation)).isFalse();
        helpDesk.askRating(conversation.id());
        assertThat(ratingAsked(conversation)).isTrue();

        HttpResponse<String> rated = rate(conversation, "{\"score\": 4, \"comment\": \"  Quick <b>and</b> kind \", "
                + "\"idempotencyKey\": \"rate-1\"}");
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(rated.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> type.startsWith("application/json"));
        assertThat(json(rated)).isEqualTo(READER.createObjectNode().put("conversationId", conversation.id())
                .put("score", 4).put("comment", "Quick <b>and</b> kind"));
        assertThat(ratingAsked(conversation)).isFalse();

        HttpResponse<String> repeat = rate(conversation, "{\"score\": 4, \"comment\": \"Quick <b>and</b> kind\", "
                + "\"idempotencyKey\": \"rate-1\"}");
        assertThat(repeat.statusCode()).as("a retry of the same key").isEqualTo(200);
        HttpResponse<String> again = rate(conversation, "{\"score\": 1}");
        assertThat(again.statusCode()).as("answering twice").isEqualTo(409);
        assertThat(json(again).path("error").asText()).isEqualTo("rating-not-asked");

        assertThat(helpDesk.ratings()).filteredOn(r -> r.conversationId().equals(conversation.id())).singleElement()
                .satisfies(given -> {
                    assertThat(given.rating()).isEqualTo(new Rating(4, "Quick <b>and</b> kind"));
                    assertThat(given.channel()).isEqualTo(Channel.WEB_CHAT);
                    assertThat(given.idempotencyKey()).isEqualTo("rate-1");
                });
    }

    @Test
    void withoutAQuestionARatingIs409AndNothingIsStored() throws Exception {
        Opened conversation = api.open();
        HttpResponse<String> refused = rate(conversation, "{\"score\": 5}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("error").asText()).isEqualTo("rating-not-asked");
        assertThat(helpDesk.ratings()).noneMatch(r -> r.conversationId().equals(conversation.id()));
    }

    @Test
    void aBadScoreOrCommentIs400InvalidRatingNamingTheField() throws Exception {
        Opened conversation = api.open();
        helpDesk.askRating(conversation.id());
        for (String body : new String[] {"{}", "{\"score\": 0}", "{\"score\": 6}", "{\"score\": \"4\"}",
                "{\"score\": 4.5}", "{\"score\": 4, \"comment\": 7}", "[4]"}) {
            HttpResponse<String> refused = rate(conversation, body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(json(refused).path("error").asText()).as(body).isEqualTo("invalid-rating");
            assertThat(json(refused).path("message").asText()).as(body).isNotBlank();
        }
        HttpResponse<String> tooLong = rate(conversation, "{\"score\": 4, \"comment\": \"" + "x".repeat(1001) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).path("message").asText()).contains("comment", "1000");
        HttpResponse<String> malformed = rate(conversation, "{\"score\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).path("error").asText()).isEqualTo("malformed-json");

        assertThat(ratingAsked(conversation)).as("still asked after the refusals").isTrue();
    }

    @Test
    void aWrongOrMissingTokenGetsTheApisNotFoundAndAnotherMethod405() throws Exception {
        Opened conversation = api.open();
        helpDesk.askRating(conversation.id());
        Opened other = api.open();

        HttpResponse<String> noToken = api.send("POST", "/api/conversations/" + conversation.id() + "/rating",
                "{\"score\": 5}", null);
        HttpResponse<String> wrongToken = api.send("POST", "/api/conversations/" + conversation.id() + "/rating",
                "{\"score\": 5}", other.token());
        for (HttpResponse<String> refused : java.util.List.of(noToken, wrongToken)) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(json(refused).path("error").asText()).isEqualTo("not-found");
        }
        HttpResponse<String> get = api.send("GET", "/api/conversations/" + conversation.id() + "/rating", null,
                conversation.token());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(ratingAsked(conversation)).isTrue();
    }
}
