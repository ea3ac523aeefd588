package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.adapter.testkit.LogCapture;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadPage;
import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A long thread read a page at a time through {@code GET /api/conversations/{id}?before=&limit=}, served by a real
 * Jetty in front of the test kit's help desk: the newest page first, then older ones by the cursor each page gives.
 */
class ConversationPagesTest {
    /** Longer than two default pages, shorter than the largest page. */
    private static final int THREAD_LENGTH = 120;
    private static final ObjectMapper READER = new ObjectMapper();
    private static final RecordingHelpDesk helpDesk = ApiServer.helpDesk();
    private static StandInGateway server;
    private static HttpClient client;
    private static String conversation;
    private static String token;

    /** A conversation and the token that opens it. */
    private record Opened(String id, String token) {
    }

    private final LogCapture log = new LogCapture(CustomerApiServlet.class);

    @BeforeAll
    static void startWithALongThread() throws Exception {
        server = ApiServer.start(helpDesk);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Opened opened = openLongThread("visitor-long-thread");
        conversation = opened.id();
        token = opened.token();
    }

    /** A conversation opened over HTTP (a question and its answer) that agents then wrote in: {@value #THREAD_LENGTH} messages. */
    private static Opened openLongThread(String visitor) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/api/help"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hello\", \"visitorId\": \"" + visitor + "\"}"))
                .build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = READER.readTree(response.body());
        Opened opened = new Opened(body.get("conversationId").textValue(), body.get("customerToken").textValue());
        for (int i = 2; i < THREAD_LENGTH; i++) {
            helpDesk.agentReplies(opened.id(), "Anna", "Answer " + i, ApiServer.NOW.plusSeconds(i));
        }
        return opened;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    private static HttpResponse<String> get(String query, String bearer) throws IOException, InterruptedException {
        return get(conversation, query, bearer);
    }

    private static HttpResponse<String> get(String id, String query, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/api/conversations/" + id + query));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private static JsonNode page(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = get(query, token);
        assertThat(response.statusCode()).as("GET %s: %s", query, response.body()).isEqualTo(200);
        return READER.readTree(response.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("messages").forEach(message -> ids.add(message.get("id").textValue()));
        return ids;
    }

    /** The whole thread as the help desk holds it, oldest first. */
    private static List<String> wholeThread() {
        return helpDesk.conversation(conversation, token, new ThreadPage(null, ThreadPage.MAX_LIMIT)).orElseThrow()
                .messages().stream().map(ThreadMessage::id).toList();
    }

    /** A request exactly as written, the answer as received. */
    private static String rawGet(String pathAndQuery) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.origin().getPort())) {
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theThreadIsReadNewestFirstThenOlderByTheCursorUntilItsStart() throws Exception {
        List<List<String>> pages = new ArrayList<>();
        JsonNode page = page("?limit=50");
        pages.add(ids(page));
        while (!page.get("olderCursor").isNull()) {
            assertThat(pages).as("pages read").hasSizeLessThan(10);
            page = page("?limit=50&before=" + encoded(page.get("olderCursor").textValue()));
            pages.add(ids(page));
        }

        assertThat(pages).extracting(List::size).containsExactly(50, 50, 20);
        List<String> read = new ArrayList<>();
        for (int i = pages.size() - 1; i >= 0; i--) {
            read.addAll(pages.get(i));
        }
        assertThat(wholeThread()).hasSize(THREAD_LENGTH);
        assertThat(read).as("every message once, oldest first").isEqualTo(wholeThread());
        assertThat(page.get("conversationId").textValue()).isEqualTo(conversation);
        assertThat(log.events()).isEmpty();
    }

    @Test
    void withoutAQueryThePageIsTheNewestFiftyAndTheLimitIsHonoured() throws Exception {
        List<String> thread = wholeThread();

        JsonNode newest = page("");
        JsonNode three = page("?limit=3");
        JsonNode largest = page("?limit=200");
        JsonNode beforeThree = page("?limit=2&before=" + encoded(three.get("olderCursor").textValue()));

        assertThat(ids(newest)).isEqualTo(thread.subList(THREAD_LENGTH - 50, THREAD_LENGTH));
        assertThat(newest.get("olderCursor").isTextual()).isTrue();
        assertThat(ids(three)).isEqualTo(thread.subList(THREAD_LENGTH - 3, THREAD_LENGTH));
        assertThat(three.at("/messages/2/text").textValue()).isEqualTo("Answer " + (THREAD_LENGTH - 1));
        assertThat(ids(beforeThree)).isEqualTo(thread.subList(THREAD_LENGTH - 5, THREAD_LENGTH - 3));
        assertThat(ids(largest)).isEqualTo(thread);
        assertThat(largest.get("olderCursor").isNull()).as("the whole thread fits: no older messages").isTrue();
        assertThat(largest.has("olderCursor")).isTrue();
    }

    @Test
    void aBadLimitOrCursorIs400InTheApisErrorFormat() throws Exception {
        String[][] refused = {
                {"?limit=0", "a page holds 1 to 200 messages, not 0"},
                {"?limit=201", "a page holds 1 to 200 messages, not 201"},
                {"?limit=ten", "limit must be a number from 1 to 200, not 'ten'"},
                {"?before=m-7", "'m-7' is not a cursor of this thread: pass the one a page gave"},
                {"?before=-1", "'-1' is not a cursor of this thread: pass the one a page gave"},
                {"?before=1&before=2", "before is given more than once"},
                {"?limit=5&limit=6", "limit is given more than once"}};

        for (String[] query : refused) {
            HttpResponse<String> response = get(query[0], token);
            assertThat(response.statusCode()).as(query[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
            assertThat(READER.readTree(response.body())).as(query[0]).isEqualTo(
                    READER.createObjectNode().put("error", "invalid-page").put("message", query[1]));
        }
        // Written by hand: the JDK's client refuses to send a query with a bad escape.
        String unreadable = rawGet("/api/conversations/" + conversation + "?before=%zz");
        assertThat(unreadable).startsWith("HTTP/1.1 400 ").contains("\"error\":\"invalid-page\"");
        assertThat(log.events()).hasSize(refused.length + 1).allSatisfy(event ->
                assertThat(event.getFormattedMessage()).contains("refused: 400 invalid-page"));
    }

    @Test
    void aGoodPageOfAConversationTheTokenDoesNotOpenIsStillTheOne404() throws Exception {
        HttpResponse<String> wrongToken = get("?limit=5&before=10", "not-the-token");
        HttpResponse<String> noToken = get("?limit=5", null);

        for (HttpResponse<String> response : List.of(wrongToken, noToken)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(READER.readTree(response.body()).get("error").textValue()).isEqualTo("not-found");
        }
    }

    @Test
    void aMessageToALongThreadIsTakenAndLandsAtItsNewestEnd() throws Exception {
        Opened own = openLongThread("visitor-writes-again");
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(
                        server.uri("/api/conversations/" + own.id() + "/messages"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + own.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"one more\"}")).build(), BodyHandlers.ofString());

        assertThat(posted.statusCode()).isEqualTo(201);
        HttpResponse<String> response = get(own.id(), "?limit=2", own.token());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode newest = READER.readTree(response.body());
        assertThat(newest.at("/messages/0/text").textValue()).isEqualTo("one more");
        assertThat(newest.at("/messages/1/id").textValue())
                .isEqualTo(READER.readTree(posted.body()).at("/reply/messageId").textValue());
    }
}
