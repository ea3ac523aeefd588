package dev.switchboard.adapter.itv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.Rating;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The viewer answers the satisfaction question with a colour key: a rating of his conversation through
 * {@code HelpDesk#rate}, never a message handed to the help desk (which could queue him or leave an offline message).
 * The adapter on the test kit's stand-in gateway (a real Jetty on a loopback port) in front of its recording help desk.
 */
class TvSatisfactionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RecordingHelpDesk helpDesk = new RecordingHelpDesk();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static StandInGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = StandInGateway.builder().helpDesk(helpDesk).servingHttp().start(new ItvAdapter());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private record Box(String setTopId, String conversation, String token) {
    }

    private static Box open(String setTopId) throws Exception {
        HttpResponse<String> opened = post("/tv/api/help", "{\"setTopId\": \"" + setTopId + "\", \"text\": \"\"}", null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode json = JSON.readTree(opened.body());
        return new Box(setTopId, json.get("conversationId").textValue(), json.get("customerToken").textValue());
    }

    private static HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> answer(Box box, String key, String conversation) throws Exception {
        return post("/tv/api/requests", "{\"setTopId\": \"" + box.setTopId() + "\", \"kind\": \"satisfaction\", "
                + "\"rating\": \"" + key + "\", \"conversationId\": \"" + conversation + "\"}", box.token());
    }

    private static boolean ratingAsked(Box box) throws Exception {
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(gateway.uri("/tv/api/conversations/" + box.conversation()))
                .header("Authorization", "Bearer " + box.token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        return JSON.readTree(read.body()).get("ratingAsked").booleanValue();
    }

    @Test
    void greenWhileARatingIsAskedStoresAFiveOnceAndSubmitsNoMessage() throws Exception {
        Box box = open("stb-rating01");
        assertThat(ratingAsked(box)).isFalse();
        helpDesk.askRating(box.conversation());
        assertThat(ratingAsked(box)).isTrue();
        int submitted = helpDesk.submitted().size();

        HttpResponse<String> rated = answer(box, "yes", box.conversation());
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(201);
        JsonNode json = JSON.readTree(rated.body());
        assertThat(json.at("/rating/score").intValue()).isEqualTo(5);
        assertThat(json.get("conversationId").textValue()).isEqualTo(box.conversation());
        assertThat(json.at("/reply/text").textValue()).isEqualTo(TvSatisfaction.THANKS);
        assertThat(helpDesk.ratings()).filteredOn(r -> r.conversationId().equals(box.conversation())).singleElement()
                .satisfies(given -> {
                    assertThat(given.rating()).isEqualTo(new Rating(5, null));
                    assertThat(given.channel()).isEqualTo(Channel.TV);
                });
        assertThat(helpDesk.submitted()).as("no message reached the help desk").hasSize(submitted);
        assertThat(ratingAsked(box)).isFalse();

        HttpResponse<String> again = answer(box, "no", box.conversation());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("error").textValue()).isEqualTo("rating-not-asked");
        assertThat(helpDesk.submitted()).hasSize(submitted);
    }

    @Test
    void withoutAQuestionOrForAnotherBoxsConversationNothingIsStoredOrSubmitted() throws Exception {
        Box box = open("stb-rating02");
        Box other = open("stb-rating03");
        helpDesk.askRating(other.conversation());
        int submitted = helpDesk.submitted().size();

        HttpResponse<String> notAsked = answer(box, "partly", box.conversation());
        assertThat(notAsked.statusCode()).isEqualTo(409);
        HttpResponse<String> notHis = answer(box, "no", other.conversation());
        assertThat(notHis.statusCode()).isEqualTo(404);
        HttpResponse<String> noToken = post("/tv/api/requests", "{\"setTopId\": \"stb-rating03\", \"kind\": \"satisfaction\", "
                + "\"rating\": \"no\", \"conversationId\": \"" + other.conversation() + "\"}", null);
        assertThat(noToken.statusCode()).isEqualTo(404);

        assertThat(helpDesk.ratings()).noneMatch(r -> r.conversationId().equals(box.conversation())
                || r.conversationId().equals(other.conversation()));
        assertThat(helpDesk.submitted()).hasSize(submitted);
        assertThat(ratingAsked(other)).isTrue();
    }
}
