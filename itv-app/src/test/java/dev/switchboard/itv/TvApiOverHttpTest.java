package dev.switchboard.itv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestGateways;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TV app's API and files on a whole gateway, as a set-top box's HTTP client sees them. Yellow ("send to
 * my phone") texts through the gateway's SMPP link to its SMSC simulator, to the number keyed in; only the
 * help desk's answers in the box's own thread can be sent.
 */
class TvApiOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEWS = "\"tv\": {\"service\": \"dvb://233a.1004.1044\", \"programme\": \"Evening News\"}";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @TempDir
    static Path dataDir;
    private static Gateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = TestGateways.start(dataDir);
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.baseUri().resolve(path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String box(String id) {
        return "\"setTopId\": \"" + id + "\"";
    }

    @Test
    void openingHelpGivesTheProgrammesTopicsRenderedForHbbtv() throws Exception {
        HttpResponse<String> response = post("tv/api/help", "{" + box("stb-open-0001") + ", \"text\": \"\", " + NEWS + "}", null);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode reply = JSON.readTree(response.body()).path("reply");
        assertThat(reply.path("topics").get(0).asText()).isEqualTo("Evening News: watch again");
        assertThat(reply.path("html").asText())
                .startsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\"")
                .contains("<span class=\"sb-number\">1</span> Evening News: watch again");
    }

    @Test
    void aBoxContinuesItsConversationOnlyWithItsTokenAndARepeatIsAnsweredOnce() throws Exception {
        String first = "{" + box("stb-token-0001") + ", \"text\": \"TV subtitles\", \"idempotencyKey\": \"k-1\"}";
        JsonNode opened = JSON.readTree(post("tv/api/help", first, null).body());
        String token = opened.path("customerToken").asText();

        HttpResponse<String> withoutToken = post("tv/api/help", "{" + box("stb-token-0001") + ", \"text\": \"hello\"}", null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(withoutToken.body()).path("error").asText()).isEqualTo("token-required");

        HttpResponse<String> repeat = post("tv/api/help", first, token);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(repeat.body()).path("duplicate").asBoolean()).isTrue();

        JsonNode thread = JSON.readTree(get("tv/api/conversations/" + opened.path("conversationId").asText(), token).body());
        assertThat(thread.path("messages")).hasSize(2);
        assertThat(thread.path("messages").get(0).path("text").asText()).isEqualTo("TV subtitles");
        assertThat(thread.path("messages").get(1).path("fromAgent").asBoolean()).isFalse();
        assertThat(thread.path("messages").get(1).path("id").asText()).as("the reply names its message in the thread")
                .isEqualTo(opened.path("reply").path("messageId").asText());
    }

    @Test
    void anotherBoxsConversationAndAWrongTokenLookTheSame() throws Exception {
        JsonNode opened = JSON.readTree(post("tv/api/help", "{" + box("stb-other-0001") + ", \"text\": \"\"}", null).body());
        String path = "tv/api/conversations/" + opened.path("conversationId").asText();

        HttpResponse<String> wrongToken = get(path, "not-the-token");
        HttpResponse<String> unknown = get("tv/api/conversations/no-such-conversation", opened.path("customerToken").asText());

        assertThat(wrongToken.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrongToken.body()).isEqualTo(unknown.body()).contains("\"error\":\"not-found\"");
    }

    @Test
    void yellowTextsTheAnswerOnTheScreenOrElseTheLatestToTheNumberKeyedIn() {
        HttpJson box = new HttpJson(gateway.baseUri());
        JsonNode subtitles = box.postJson("/tv/api/help", "{" + box("stb-texts-0001") + ", \"text\": \"TV subtitles\", "
                + NEWS + "}", null).json();
        String token = subtitles.path("customerToken").asText();
        String conversationId = subtitles.path("conversationId").asText();
        JsonNode pin = box.postJson("/tv/api/help", "{" + box("stb-texts-0001") + ", \"text\": \"TV parental PIN\", "
                + NEWS + "}", token).json();
        assertThat(pin.path("reply").path("text").asText()).isNotEqualTo(subtitles.path("reply").path("text").asText());

        JsonNode latest = box.postJson("/tv/api/requests", "{" + box("stb-texts-0001")
                + ", \"kind\": \"send-to-phone\", \"phone\": \"+447700900322\"}", token).json();
        assertThat(latest.path("reply").path("text").asText()).isEqualTo("We have texted it to +447700900322.");
        await().atMost(WAIT).until(() -> textsTo(box, "+447700900322").size() == 1);
        assertThat(textsTo(box, "+447700900322")).as("without a named answer, the latest")
                .containsExactly(pin.path("reply").path("text").asText());

        box.postJson("/tv/api/requests", "{" + box("stb-texts-0001")
                + ", \"kind\": \"send-to-phone\", \"phone\": \"+447700900321\", \"shown\": {\"conversationId\": \""
                + conversationId + "\", \"messageId\": \"" + subtitles.path("reply").path("messageId").asText() + "\"}}",
                token);
        await().atMost(WAIT).until(() -> textsTo(box, "+447700900321").size() == 1);
        assertThat(textsTo(box, "+447700900321")).as("the named answer, though a later one is in the thread")
                .containsExactly(subtitles.path("reply").path("text").asText());
    }

    @Test
    void anotherBoxCannotHaveThisBoxsAnswersTexted() {
        HttpJson box = new HttpJson(gateway.baseUri());
        JsonNode victim = box.postJson("/tv/api/help", "{" + box("stb-victim-0001") + ", \"text\": \"TV subtitles\"}",
                null).json();
        JsonNode other = box.postJson("/tv/api/help", "{" + box("stb-other-00001") + ", \"text\": \"\"}", null).json();

        HttpJson.Response refused = box.postJson("/tv/api/requests", "{" + box("stb-other-00001")
                + ", \"kind\": \"send-to-phone\", \"phone\": \"+447700900323\", \"shown\": {\"conversationId\": \""
                + victim.path("conversationId").asText() + "\", \"messageId\": \""
                + victim.path("reply").path("messageId").asText() + "\"}}", other.path("customerToken").asText());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("unknown-answer");
        JsonNode thread = box.get("/tv/api/conversations/" + other.path("conversationId").asText(),
                other.path("customerToken").asText()).json();
        assertThat(thread.toString()).as("a refused request leaves nothing in the thread").doesNotContain("+447700900323");
    }

    @Test
    void badRequestsGetAJsonReason() throws Exception {
        HttpResponse<String> badPhone = post("tv/api/requests",
                "{" + box("stb-bad-00001") + ", \"kind\": \"call-back\", \"phone\": \"12\"}", null);
        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(badPhone.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(badPhone.body()).path("message").asText()).contains("international form");

        assertThat(post("tv/api/help", "{not json", null).statusCode()).isEqualTo(400);
        assertThat(get("tv/api/help", null).statusCode()).isEqualTo(405);
        assertThat(get("tv/api/nothing", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theAppIsServedByUserAgentAndNothingElseUnderTv() throws Exception {
        HttpResponse<String> hbbtv = HTTP.send(HttpRequest.newBuilder(gateway.baseUri().resolve("tv/"))
                .header("User-Agent", "Mozilla/5.0 HbbTV/1.2.1 (; Vendor; Model; 1.0; ; )").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hbbtv.headers().firstValue("Content-Type")).hasValue("application/vnd.hbbtv.xhtml+xml; charset=UTF-8");
        assertThat(hbbtv.body()).startsWith("<?xml").contains("<!DOCTYPE html PUBLIC \"-//HbbTV//");

        assertThat(get("tv", null).statusCode()).isEqualTo(302);
        assertThat(get("tv/app.css", null).headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
        assertThat(get("tv/pom.xml", null).statusCode()).isEqualTo(404);
        assertThat(get("tv/itv-app/app.js", null).statusCode()).isEqualTo(404);
    }

    /** The texts the gateway's SMSC simulator took for {@code number} from the desk. */
    private static List<String> textsTo(HttpJson http, String number) {
        List<String> texts = new ArrayList<>();
        for (JsonNode text : http.get("/smpp/phone/texts?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8),
                null).json()) {
            if (text.path("fromDesk").asBoolean()) {
                texts.add(text.path("text").asText());
            }
        }
        return texts;
    }
}
