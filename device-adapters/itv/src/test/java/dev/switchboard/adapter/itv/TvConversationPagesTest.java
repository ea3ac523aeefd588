package dev.switchboard.adapter.itv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadPage;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A box's long thread read a page at a time through {@code GET /tv/api/conversations/{id}?before=&limit=}, the adapter
 * on the test kit's stand-in gateway (a real Jetty on a loopback port) in front of its recording help desk.
 */
class TvConversationPagesTest {
    private static final int THREAD_LENGTH = 75;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RecordingHelpDesk helpDesk = new RecordingHelpDesk();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static StandInGateway gateway;
    private static String conversation;
    private static String token;

    @BeforeAll
    static void startWithALongThread() throws Exception {
        gateway = StandInGateway.builder().helpDesk(helpDesk).servingHttp().start(new ItvAdapter());
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(gateway.uri("/tv/api/help"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"setTopId\": \"stb-paging01\", \"text\": \"\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        conversation = JSON.readTree(opened.body()).get("conversationId").textValue();
        token = JSON.readTree(opened.body()).get("customerToken").textValue();
        Instant at = Instant.parse("2026-11-23T19:00:00Z");
        for (int i = 2; i < THREAD_LENGTH; i++) {
            helpDesk.agentReplies(conversation, "Anna", "Line " + i, at.plusSeconds(i));
        }
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static HttpResponse<String> get(String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(gateway.uri("/tv/api/conversations/" + conversation + query))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode page(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = get(query);
        assertThat(response.statusCode()).as("GET %s: %s", query, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("messages").forEach(message -> ids.add(message.get("id").textValue()));
        return ids;
    }

    @Test
    void theOverlayReadsTheNewestPageThenOlderOnesByTheCursorToTheThreadsStart() throws Exception {
        List<String> thread = helpDesk.conversation(conversation, token, new ThreadPage(null, ThreadPage.MAX_LIMIT))
                .orElseThrow().messages().stream().map(ThreadMessage::id).toList();
        List<JsonNode> pages = new ArrayList<>(List.of(page("?limit=20")));
        while (!pages.get(pages.size() - 1).get("olderCursor").isNull()) {
            assertThat(pages).hasSizeLessThan(10);
            String cursor = pages.get(pages.size() - 1).get("olderCursor").textValue();
            pages.add(page("?limit=20&before=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
        }

        assertThat(pages).extracting(page -> page.get("messages").size()).containsExactly(20, 20, 20, 15);
        List<String> read = new ArrayList<>();
        for (int i = pages.size() - 1; i >= 0; i--) {
            read.addAll(ids(pages.get(i)));
        }
        assertThat(thread).hasSize(THREAD_LENGTH);
        assertThat(read).as("every message once, oldest first").isEqualTo(thread);
        assertThat(pages.get(0).at("/messages/19")).isEqualTo(JSON.readTree("""
                {"id": "%s", "direction": "outbound", "author": "Anna", "text": "Line 74", "at": "2026-11-23T19:01:14Z",
                 "fromAgent": true}""".formatted(thread.get(THREAD_LENGTH - 1))));
    }

    @Test
    void withoutAQueryThePageIsTheNewestFifty() throws Exception {
        JsonNode newest = page("");

        assertThat(newest.get("messages")).hasSize(ThreadPage.DEFAULT_LIMIT);
        assertThat(newest.at("/messages/49/text").textValue()).isEqualTo("Line 74");
        assertThat(newest.get("olderCursor").isTextual()).isTrue();
    }

    @Test
    void aBadLimitOrCursorIs400WithTheApisErrorBody() throws Exception {
        String[][] refused = {
                {"?limit=0", "a page holds 1 to 200 messages, not 0"},
                {"?limit=500", "a page holds 1 to 200 messages, not 500"},
                {"?limit=many", "limit must be a number from 1 to 200, not 'many'"},
                {"?before=abc", "'abc' is not a cursor of this thread: pass the one a page gave"},
                {"?before=1&before=2", "before is given more than once"}};

        for (String[] query : refused) {
            HttpResponse<String> response = get(query[0]);
            assertThat(response.statusCode()).as(query[0]).isEqualTo(400);
            assertThat(JSON.readTree(response.body())).as(query[0])
                    .isEqualTo(JSON.createObjectNode().put("error", "invalid-page").put("message", query[1]));
        }
    }
}
