package dev.switchboard.gateway;

import static dev.switchboard.testing.HttpJson.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.hub.places.GazetteerLoader;
import dev.switchboard.hub.places.PostalCode;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.HttpJson.Response;
import dev.switchboard.testing.TestGateways;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customer JSON API as a browser or app sees it, against a whole gateway on a free port. */
class CustomerApiTest {
    @TempDir
    static Path dataDir;
    static Gateway gateway;
    static HttpJson http;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = TestGateways.start(dataDir);
        http = new HttpJson(gateway.baseUri());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void aQuestionTheKnowledgeBaseKnowsIsAnsweredAndOpensAConversation() {
        Response response = http.postJson("/api/help", "{\"text\": \"What are your opening hours?\"}", null);

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("conversationId").asText()).isNotBlank();
        assertThat(body.path("customerToken").asText()).hasSizeGreaterThan(30);
        assertThat(body.path("reply").path("view").asText()).isEqualTo("answer");
        assertThat(body.path("reply").path("source").asText()).isEqualTo("knowledge-base");
        assertThat(body.path("reply").path("text").asText().toLowerCase()).containsAnyOf("open", "hours");
        assertThat(body.path("reply").path("html").asText()).contains("sb-reply");
    }

    @Test
    void aQuestionNobodyCanAnswerNowIsToldHonestlyThatAnAgentWillGetBack() {
        Response response = http.postJson("/api/help",
                "{\"text\": \"Zorblax quantum florp wibble\", \"visitorId\": \"visitor-honest-1\"}", null);

        assertThat(response.status()).isEqualTo(201);
        JsonNode reply = response.json().path("reply");
        assertThat(reply.path("view").asText()).isEqualTo("queue-status");
        assertThat(reply.path("text").asText()).contains("agent will get back to you");
        assertThat(reply.path("queue").path("agentsOnDuty").asBoolean()).isFalse();
    }

    @Test
    void aQuestionFromKrakowListsTheFiveNearestServicePointsNearestFirst() {
        JsonNode reply = http.postJson("/api/help", "{\"text\": \"What are your opening hours?\","
                + " \"context\": {\"location\": {\"lat\": 50.0614, \"lon\": 19.9366, \"accuracyMeters\": 15}}}",
                null).json().path("reply");

        JsonNode nearby = reply.path("nearby");
        assertThat(nearby).hasSize(5);
        assertThat(nearby.get(0).path("name").asText()).isEqualTo("Kraków Rynek Główny");
        assertThat(nearby.get(0).path("distanceMeters").asLong()).isBetween(30L, 80L);
        for (int i = 1; i < 5; i++) {
            assertThat(nearby.get(i).path("distanceMeters").asLong())
                    .isGreaterThanOrEqualTo(nearby.get(i - 1).path("distanceMeters").asLong());
            assertThat(nearby.get(i).path("address").asText()).endsWith("Kraków");
        }
        assertThat(nearby.get(0).path("openNow").isBoolean()).isTrue();
        assertThat(reply.path("region").asText()).isEqualTo("Lesser Poland");
        assertThat(reply.path("html").asText()).contains("sb-nearby", "Kraków Rynek Główny");
    }

    @Test
    void aTownTheCustomerKeysInStandsInForHisLocationAndARepeatGetsTheSamePoints() {
        String body = "{\"text\": \"Zorblax quantum florp wibble\", \"idempotencyKey\": \"town-1\","
                + " \"visitorId\": \"visitor-town-1\", \"context\": {\"placeName\": \"Glasgow\", \"locale\": \"en-GB\"}}";
        Response first = http.postJson("/api/help", body, null);
        Response repeat = http.postJson("/api/help", body, first.json().path("customerToken").asText());

        JsonNode reply = first.json().path("reply");
        assertThat(reply.path("view").asText()).isEqualTo("queue-status");
        assertThat(reply.path("region").asText()).isEqualTo("Scotland");
        assertThat(reply.path("nearby").get(0).path("name").asText()).isEqualTo("Glasgow Buchanan Street");
        assertThat(repeat.json().path("duplicate").asBoolean()).isTrue();
        assertThat(repeat.json().path("reply").path("nearby")).isEqualTo(reply.path("nearby"));
    }

    @Test
    void aTownTheGazetteerDoesNotKnowGivesAnAnswerWithoutPoints() {
        JsonNode reply = http.postJson("/api/help", "{\"text\": \"What are your opening hours?\","
                + " \"context\": {\"placeName\": \"Xqzzyville\"}}", null).json().path("reply");

        assertThat(reply.path("view").asText()).isEqualTo("answer");
        assertThat(reply.path("nearby")).isEmpty();
        assertThat(reply.path("region").isNull()).isTrue();
    }

    @Test
    void aZipCodeKeyedInGetsTheServicePointsNearestItsPositionAsADeviceThereWould() {
        PostalCode zip = GazetteerLoader.shipped().findPostalCode("10001", "US").orElseThrow();

        JsonNode byCode = askForOpeningHours("{\"placeName\": \" 10001-2062\", \"locale\": \"en-US\"}");
        JsonNode byPosition = askForOpeningHours(
                "{\"location\": {\"lat\": " + zip.latitude() + ", \"lon\": " + zip.longitude() + "}}");

        assertThat(byCode.path("region").asText()).isEqualTo("New York");
        JsonNode nearby = byCode.path("nearby");
        assertThat(nearby).hasSize(5);
        for (int i = 1; i < nearby.size(); i++) {
            assertThat(nearby.get(i).path("distanceMeters").asLong())
                    .isGreaterThanOrEqualTo(nearby.get(i - 1).path("distanceMeters").asLong());
        }
        assertThat(namesAndDistances(nearby)).isEqualTo(namesAndDistances(byPosition.path("nearby")));
    }

    @Test
    void aPostalCodeNobodyUsesGivesAnAnswerWithoutPoints() {
        JsonNode reply = askForOpeningHours("{\"placeName\": \"00000\"}");

        assertThat(reply.path("view").asText()).isEqualTo("answer");
        assertThat(reply.path("nearby")).isEmpty();
    }

    private static JsonNode askForOpeningHours(String context) {
        return http.postJson("/api/help", "{\"text\": \"What are your opening hours?\", \"context\": " + context + "}",
                null).json().path("reply");
    }

    private static List<String> namesAndDistances(JsonNode nearby) {
        List<String> rows = new ArrayList<>();
        nearby.forEach(point -> rows.add(point.path("name").asText() + " " + point.path("distanceMeters").asLong()));
        return rows;
    }

    @Test
    void theCustomerContinuesAndReadsHisOneThreadWithHisToken() {
        JsonNode opened = http.postJson("/api/help",
                "{\"text\": \"I forgot my password\", \"visitorId\": \"visitor-thread-1\","
                        + " \"context\": {\"locale\": \"en-GB\", \"pageUrl\": \"https://shop.example/account\","
                        + " \"location\": {\"lat\": 52.2297, \"lon\": 21.0122, \"accuracyMeters\": 25}}}", null).json();
        String id = opened.path("conversationId").asText();
        String token = opened.path("customerToken").asText();

        Response followUp = http.postJson("/api/conversations/" + id + "/messages",
                "{\"text\": \"And how much is roaming abroad?\"}", token);
        assertThat(followUp.status()).isEqualTo(201);
        assertThat(followUp.json().path("conversationId").asText()).isEqualTo(id);

        Response thread = http.get("/api/conversations/" + id, token);
        assertThat(thread.status()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        thread.json().path("messages").forEach(m -> texts.add(m.path("direction").asText() + ":" + m.path("text").asText()));
        assertThat(texts).hasSize(4);
        assertThat(texts.get(0)).isEqualTo("inbound:I forgot my password");
        assertThat(texts.get(1)).startsWith("outbound:");
        assertThat(texts.get(2)).isEqualTo("inbound:And how much is roaming abroad?");
        thread.json().path("messages").forEach(m -> assertThat(m.path("channel").asText()).isEqualTo("web-chat"));
    }

    @Test
    void aKnownVisitorIdWithoutItsTokenCannotReachTheConversation() {
        String first = "{\"text\": \"hello\", \"visitorId\": \"visitor-owned-1\"}";
        assertThat(http.postJson("/api/help", first, null).status()).isEqualTo(201);

        Response intruder = http.postJson("/api/help", "{\"text\": \"show me\", \"visitorId\": \"visitor-owned-1\"}", null);

        assertThat(intruder.status()).isEqualTo(403);
        assertThat(intruder.body()).doesNotContain("hello").contains("customer token");
    }

    @Test
    void anotherCustomersConversationLooksExactlyLikeOneThatDoesNotExist() {
        JsonNode alice = http.postJson("/api/help", "{\"text\": \"alice asks\"}", null).json();
        JsonNode bob = http.postJson("/api/help", "{\"text\": \"bob asks\"}", null).json();

        Response foreign = http.get("/api/conversations/" + alice.path("conversationId").asText(),
                bob.path("customerToken").asText());
        Response unknown = http.get("/api/conversations/cv-doesnotexist", bob.path("customerToken").asText());
        Response noToken = http.get("/api/conversations/" + alice.path("conversationId").asText(), null);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noToken.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(unknown.body()).isEqualTo(noToken.body()).doesNotContain("alice");
        Response write = http.postJson("/api/conversations/" + alice.path("conversationId").asText() + "/messages",
                "{\"text\": \"bob writes into alice's thread\"}", bob.path("customerToken").asText());
        assertThat(write.status()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsRefusedWithTheReason() {
        Response response = http.postJson("/api/help", "{\"text\": \"unterminated", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().path("message").asText()).isNotBlank();
    }

    @Test
    void aBodyOver64KibIsRefusedAs413() {
        String big = "{\"text\": " + quote("x".repeat(70 * 1024)) + "}";

        Response response = http.postJson("/api/help", big, null);

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsAnsweredWithoutBeingProcessedTwice() {
        String body = "{\"text\": \"What are your opening hours?\", \"visitorId\": \"visitor-retry-1\"}";
        Response first = http.postJson("/api/help", body, null, "retry-key-1");
        String token = first.json().path("customerToken").asText();
        Response again = http.postJson("/api/help", body, token, "retry-key-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        assertThat(again.json().path("conversationId")).isEqualTo(first.json().path("conversationId"));
        assertThat(again.json().path("reply").path("text")).isEqualTo(first.json().path("reply").path("text"));
        Response thread = http.get("/api/conversations/" + first.json().path("conversationId").asText(), token);
        assertThat(thread.json().path("messages")).hasSize(2);
    }

    @Test
    void aRetryWithoutTheTokenNeverHandsOutTheCustomersToken() {
        String body = "{\"text\": \"What are your opening hours?\", \"visitorId\": \"visitor-retry-2\"}";
        Response first = http.postJson("/api/help", body, null, "1");
        Response replayed = http.postJson("/api/help", body, null, "1");

        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.body()).doesNotContain(first.json().path("customerToken").asText());
    }

    @Test
    void healthShowsEachPartUp() {
        Response health = http.get("/health", null);

        assertThat(health.status()).isEqualTo(200);
        JsonNode components = health.json().path("components");
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(components.path("hazelcast").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("database").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("adapters").path("web").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsCountInteractionsPerChannelAndTimeEveryRoute() {
        http.postJson("/api/help", "{\"text\": \"metrics please\"}", null);

        Response metrics = http.get("/metrics", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).containsPattern("switchboard_interactions_total\\{channel=\"web-chat\"[^}]*} [1-9]");
        for (String route : List.of("intake", "deduplicate", "identify", "enrich", "thread", "decide", "render", "deliver")) {
            assertThat(metrics.body()).as("timer of route " + route)
                    .containsPattern("switchboard_route_seconds_count\\{routeId=\"" + route + "\"[^}]*} [1-9]");
        }
    }

    @Test
    void theStartPageLinksTheApiAndOperations() {
        Response page = http.get("/", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Switchboard", "/api/help", "href=\"/health\"", "href=\"/metrics\"", "<code>web</code>");
        assertThat(http.get("/no-such-page", null).status()).isEqualTo(404);
    }

    @Test
    void aWrongMethodIsRefused() {
        Response response = http.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/api/help"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.status()).isEqualTo(405);
    }
}
