package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.adapter.testkit.LogCapture;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.GeoLocation;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.LocationSource;
import dev.switchboard.spi.WebVisitorId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API as an HTTP client sees it, served by a real Jetty in front of an in-memory help desk. */
class CustomerApiServletTest {

    private static final ObjectMapper READER = new ObjectMapper();
    private static final AtomicInteger VISITORS = new AtomicInteger();
    private static final RecordingHelpDesk helpDesk = ApiServer.helpDesk();
    private static StandInGateway server;
    private static HttpClient client;

    private final LogCapture log = new LogCapture(CustomerApiServlet.class);

    @BeforeAll
    static void start() throws Exception {
        server = ApiServer.start(helpDesk);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    /** A visitor id no other test uses. */
    private static String newVisitor() {
        return "visitor-" + VISITORS.incrementAndGet() + "-" + System.nanoTime();
    }

    private static HttpResponse<String> send(String method, String path, BodyPublisher body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json, String... headers)
            throws IOException, InterruptedException {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", path, BodyPublishers.ofString(json), all);
    }

    private static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, BodyPublishers.noBody(), headers);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return READER.readTree(response.body());
    }

    /** Opens a conversation and returns the answer's JSON. */
    private static JsonNode openConversation(String visitor) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/help", "{\"text\": \"hello\", \"visitorId\": \"" + visitor + "\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response);
    }

    private static void assertJsonHeaders(HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        assertThat(contentType.replace(" ", "").toLowerCase(Locale.ROOT)).isEqualTo("application/json;charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String message)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertJsonHeaders(response);
        assertThat(json(response)).isEqualTo(READER.createObjectNode().put("error", code).put("message", message));
    }

    private void assertOneWarning(String... parts) {
        List<ILoggingEvent> events = log.events();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(events.get(0).getFormattedMessage()).contains(parts).doesNotContain("\n");
    }

    @Test
    void aHelpRequestIsSubmittedAndAnsweredWith201() throws Exception {
        String visitor = newVisitor();
        HttpResponse<String> response = post("/api/help", """
                {"text": "My router blinks red", "visitorId": "%s", "idempotencyKey": "first",
                 "context": {"location": {"lat": 52.23, "lon": 21.01, "accuracyMeters": 20},
                             "locale": "pl-PL", "network": "wifi"}}
                """.formatted(visitor), "User-Agent", "SwitchboardWidget/1.0");

        assertThat(response.statusCode()).isEqualTo(201);
        assertJsonHeaders(response);
        JsonNode body = json(response);
        assertThat(body.get("conversationId").textValue()).startsWith("c-");
        assertThat(body.get("customerToken").textValue()).isNotBlank();
        assertThat(body.get("visitorId").textValue()).isEqualTo(visitor);
        assertThat(body.get("duplicate").booleanValue()).isFalse();
        String answerId = body.at("/reply/messageId").textValue();
        assertThat(answerId).isNotBlank();
        assertThat(body.get("reply")).isEqualTo(READER.readTree("""
                {"view": "answer", "text": "Restart the router.", "source": "knowledge-base",
                 "topics": ["billing", "roaming"], "queue": null, "html": "<p>Restart the router.</p>",
                 "nearby": [], "region": null, "messageId": "%s"}
                """.formatted(answerId)));

        Interaction submitted = helpDesk.lastSubmitted();
        assertThat(submitted.idempotencyKey()).isEqualTo("first");
        assertThat(submitted.channel()).isEqualTo(Channel.WEB_CHAT);
        assertThat(submitted.profile()).isEqualTo(DeviceProfile.HTML5);
        assertThat(submitted.address()).isEqualTo(new WebVisitorId(visitor));
        assertThat(submitted.receivedAt()).isEqualTo(ApiServer.NOW);
        assertThat(submitted.context().userAgent()).isEqualTo("SwitchboardWidget/1.0");
        assertThat(submitted.context().location()).isEqualTo(new GeoLocation(52.23, 21.01, 20.0, LocationSource.GPS));
        assertThat(submitted.context().locale()).isEqualTo(Locale.forLanguageTag("pl-PL"));
        assertThat(submitted.context().network()).isEqualTo("wifi");
        assertThat(log.events()).isEmpty();
    }

    @Test
    void aVisitorWithoutAnIdIsGivenAFreshOne() throws Exception {
        HttpResponse<String> response = post("/api/help", "{\"text\": \"I need an agent\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.get("visitorId").textValue()).matches("v-[A-Za-z0-9_-]{22}");
        assertThat(body.at("/reply/view").textValue()).isEqualTo("queue-status");
        assertThat(body.at("/reply/queue")).isEqualTo(READER.readTree(
                "{\"position\": 2, \"estimatedWaitSeconds\": 90, \"agentsOnDuty\": true}"));
        assertThat(helpDesk.lastSubmitted().address().value()).isEqualTo(body.get("visitorId").textValue());
    }

    @Test
    void aRepeatedIdempotencyKeyAnswers200WithTheFirstOutcome() throws Exception {
        String visitor = newVisitor();
        String json = "{\"text\": \"hello\", \"visitorId\": \"" + visitor + "\"}";
        JsonNode first = json(post("/api/help", json, "Idempotency-Key", "retry-me"));

        HttpResponse<String> repeat = post("/api/help", json, "Idempotency-Key", "retry-me",
                "Authorization", "Bearer " + first.get("customerToken").textValue());

        assertThat(repeat.statusCode()).isEqualTo(200);
        assertJsonHeaders(repeat);
        JsonNode body = json(repeat);
        assertThat(body.get("duplicate").booleanValue()).isTrue();
        assertThat(body.get("conversationId")).isEqualTo(first.get("conversationId"));
        assertThat(body.get("reply")).isEqualTo(first.get("reply"));
        assertThat(fieldNames(body)).isEqualTo(fieldNames(first));
        assertThat(helpDesk.submitted().stream().filter(i -> i.address().value().equals(visitor))).hasSize(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theBearerTokenGoesToTheHelpDeskAndItsRefusalIs403() throws Exception {
        String visitor = newVisitor();
        JsonNode first = openConversation(visitor);
        String again = "{\"text\": \"me again\", \"visitorId\": \"" + visitor + "\"}";

        HttpResponse<String> withoutToken = post("/api/help", again);
        HttpResponse<String> withToken = post("/api/help", again,
                "Authorization", "Bearer " + first.get("customerToken").textValue());

        assertError(withoutToken, 403, "token-required",
                "this visitor id belongs to a customer; send the customer token");
        assertOneWarning("POST /api/help refused: 403 token-required");
        assertThat(withToken.statusCode()).isEqualTo(201);
        assertThat(json(withToken).get("conversationId")).isEqualTo(first.get("conversationId"));
    }

    @Test
    void aMessageToAConversationUsesItsAddressAndTheToken() throws Exception {
        String visitor = newVisitor();
        JsonNode first = openConversation(visitor);
        String id = first.get("conversationId").textValue();
        String token = first.get("customerToken").textValue();

        HttpResponse<String> response = post("/api/conversations/" + id + "/messages",
                "{\"text\": \"still blinking\", \"idempotencyKey\": \"m-2\"}", "Authorization", "Bearer " + token,
                "User-Agent", "SwitchboardApp/3.0");

        assertThat(response.statusCode()).isEqualTo(201);
        assertJsonHeaders(response);
        JsonNode body = json(response);
        assertThat(body.get("conversationId").textValue()).isEqualTo(id);
        assertThat(body.get("customerToken").textValue()).isEqualTo(token);
        assertThat(body.get("visitorId").textValue()).isEqualTo(visitor);
        assertThat(body.get("duplicate").booleanValue()).isFalse();
        Interaction submitted = helpDesk.lastSubmitted();
        assertThat(submitted.address()).isEqualTo(new WebVisitorId(visitor));
        assertThat(submitted.idempotencyKey()).isEqualTo("m-2");
        assertThat(submitted.text()).isEqualTo("still blinking");
        assertThat(submitted.context().userAgent()).isEqualTo("SwitchboardApp/3.0");
    }

    @Test
    void theConversationIsReadWithItsToken() throws Exception {
        JsonNode first = openConversation(newVisitor());
        String id = first.get("conversationId").textValue();

        HttpResponse<String> response = get("/api/conversations/" + id,
                "Authorization", "Bearer " + first.get("customerToken").textValue());

        assertThat(response.statusCode()).isEqualTo(200);
        assertJsonHeaders(response);
        JsonNode conversation = json(response);
        String questionId = conversation.at("/messages/0/id").textValue();
        String answerId = first.at("/reply/messageId").textValue();
        assertThat(questionId).isNotBlank().isNotEqualTo(answerId);
        assertThat(conversation).isEqualTo(READER.readTree("""
                {"conversationId": "%s", "messages": [
                  {"id": "%s", "channel": "web-chat", "direction": "inbound", "author": "you", "text": "hello",
                   "at": "2025-11-23T10:15:30Z"},
                  {"id": "%s", "channel": "web-chat", "direction": "outbound", "author": "help desk",
                   "text": "Restart the router.", "at": "2025-11-23T10:15:30.001Z"}],
                 "olderCursor": null, "ratingAsked": false, "readUpTo": null}
                """.formatted(id, questionId, answerId)));
    }

    @Test
    void unknownForeignAndUnauthenticatedConversationsAllGetTheSame404() throws Exception {
        JsonNode mine = openConversation(newVisitor());
        JsonNode theirs = openConversation(newVisitor());
        String myToken = "Bearer " + mine.get("customerToken").textValue();
        String theirId = theirs.get("conversationId").textValue();
        String message = "{\"text\": \"let me in\"}";

        List<HttpResponse<String>> responses = List.of(
                get("/api/conversations/c-does-not-exist", "Authorization", myToken),
                get("/api/conversations/" + theirId, "Authorization", myToken),
                get("/api/conversations/" + theirId),
                get("/api/conversations/" + theirId, "Authorization", "Bearer wrong"),
                get("/api/conversations/" + theirId, "Authorization", "Basic dXNlcjpwYXNz"),
                post("/api/conversations/c-does-not-exist/messages", message, "Authorization", myToken),
                post("/api/conversations/" + theirId + "/messages", message, "Authorization", myToken),
                post("/api/conversations/" + theirId + "/messages", message),
                post("/api/conversations/" + theirId + "/messages", message, "Authorization", "Bearer wrong"),
                get("/api/conversations/" + theirId + "/attachments", "Authorization", myToken));

        String expected = "{\"error\":\"not-found\",\"message\":\"no such conversation, or the customer token does not open it\"}";
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertJsonHeaders(response);
            assertThat(response.body()).isEqualTo(expected);
            assertThat(response.headers().map().keySet()).isEqualTo(responses.get(0).headers().map().keySet());
        }
        assertThat(log.events()).hasSize(responses.size())
                .allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.WARN));
        assertThat(helpDesk.submitted()).noneMatch(i -> i.text().equals("let me in"));
    }

    @Test
    void malformedJsonIs400WithTheParsersReason() throws Exception {
        HttpResponse<String> response = post("/api/help", "{\"text\": \"secret words\",\n \"visitorId\" \"x\"}");

        assertError(response, 400, "malformed-json",
                "malformed JSON: Unexpected character ('\"' (code 34)): was expecting a colon to separate field name and value"
                        + " at line 2, column 14");
        assertOneWarning("POST /api/help refused: 400 malformed-json", "line 2, column 14");
        assertThat(log.events().get(0).getFormattedMessage()).doesNotContain("secret words");
    }

    @Test
    void invalidRequestsAre400WithTheValidationMessage() throws Exception {
        String visitor = newVisitor();
        String tooLong = "x".repeat(4_001);

        assertError(post("/api/help", "{\"visitorId\": \"" + visitor + "\"}"), 400, "missing-text", "text is missing");
        assertError(post("/api/help", "{\"text\": \"   \"}"), 400, "missing-text", "text is blank");
        assertError(post("/api/help", "{\"text\": \"" + tooLong + "\"}"), 400, "text-too-long",
                "text is longer than 4000 characters");
        assertError(post("/api/help", "{\"text\": \"hi\", \"visitorId\": \"bad id\"}"), 400, "invalid-visitor-id",
                "web visitor id must be 8 to 64 letters, digits, '.', '_', ':' or '-'");
        assertError(post("/api/help", "{\"text\": \"hi\", \"context\": {\"location\": {\"lat\": 100, \"lon\": 0}}}"), 400,
                "invalid-location", "context.location: latitude must be between -90 and 90, was 100.0");
        assertError(post("/api/help", "{\"text\": \"hi\", \"context\": {\"locale\": \"pl_PL\"}}"), 400,
                "invalid-locale", "context.locale must be a BCP 47 language tag like pl-PL: "
                        + "Invalid subtag: pl_PL [at index 0]");
        assertError(post("/api/help", "{\"text\": \"hi\"}", "Idempotency-Key", "k".repeat(201)), 400,
                "invalid-idempotency-key", "the Idempotency-Key header is longer than 200 characters");
        assertThat(log.events()).hasSize(7)
                .allSatisfy(event -> {
                    assertThat(event.getLevel()).isEqualTo(Level.WARN);
                    assertThat(event.getFormattedMessage()).doesNotContain(tooLong);
                });
    }

    @Test
    void anythingButJsonIs415() throws Exception {
        HttpResponse<String> form = send("POST", "/api/help", BodyPublishers.ofString("text=hi"),
                "Content-Type", "application/x-www-form-urlencoded");
        HttpResponse<String> none = send("POST", "/api/help", BodyPublishers.ofString("{\"text\": \"hi\"}"));

        assertError(form, 415, "unsupported-media-type",
                "Content-Type must be application/json, was 'application/x-www-form-urlencoded'");
        assertError(none, 415, "unsupported-media-type", "the request has no Content-Type; send application/json");
        assertThat(log.events()).hasSize(2);
    }

    @Test
    void aBodyOver64KiBIs413WhetherItsLengthIsDeclaredOrItIsChunked() throws Exception {
        byte[] big = ("{\"text\": \"" + "x".repeat(70_000) + "\"}").getBytes();
        byte[] justFits = ("{\"text\": \"hi\"}" + " ".repeat(65_536 - 14)).getBytes();

        HttpResponse<String> declared = send("POST", "/api/help", BodyPublishers.ofByteArray(big),
                "Content-Type", "application/json");
        HttpResponse<String> chunked = send("POST", "/api/help",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), "Content-Type", "application/json");
        HttpResponse<String> fits = send("POST", "/api/help",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(justFits)), "Content-Type", "application/json");

        String message = "the request body is larger than 65536 bytes (64 KiB)";
        assertError(declared, 413, "body-too-large", message);
        assertError(chunked, 413, "body-too-large", message);
        assertThat(justFits).hasSize(65_536);
        assertThat(fits.statusCode()).isEqualTo(201);
    }

    @Test
    void aWrongMethodIs405WithTheAllowedOne() throws Exception {
        HttpResponse<String> getHelp = get("/api/help");
        HttpResponse<String> deleteConversation = send("DELETE", "/api/conversations/c-1", BodyPublishers.noBody());
        HttpResponse<String> getMessages = get("/api/conversations/c-1/messages");

        assertError(getHelp, 405, "method-not-allowed", "GET is not allowed here; use POST");
        assertThat(getHelp.headers().firstValue("Allow")).hasValue("POST");
        assertError(deleteConversation, 405, "method-not-allowed", "DELETE is not allowed here; use GET");
        assertThat(deleteConversation.headers().firstValue("Allow")).hasValue("GET");
        assertError(getMessages, 405, "method-not-allowed", "GET is not allowed here; use POST");
    }

    @Test
    void aLimitOfTheHelpDeskIs400() throws Exception {
        helpDesk.failNextSubmitWith(new IllegalArgumentException("text is longer than the hub takes"));

        HttpResponse<String> response = post("/api/help", "{\"text\": \"hi\"}");

        assertError(response, 400, "invalid-request", "text is longer than the hub takes");
        assertOneWarning("400 invalid-request");
    }

    @Test
    void anUnexpectedFailureIs500LoggedWithItsStackTrace() throws Exception {
        helpDesk.failNextSubmitWith(new IllegalStateException("database is down"));

        HttpResponse<String> response = post("/api/help", "{\"text\": \"hi\"}");

        assertError(response, 500, "internal", "the help desk could not take the request; try again later");
        assertThat(response.body()).doesNotContain("database");
        List<ILoggingEvent> events = log.events();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getLevel()).isEqualTo(Level.ERROR);
        assertThat(events.get(0).getThrowableProxy().getMessage()).isEqualTo("database is down");
    }
}
