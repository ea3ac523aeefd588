package dev.switchboard.itv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestGateways;
import java.net.URLEncoder;
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
 * Yellow ("send to my phone") on a whole gateway: the answer leaves by SMS through the gateway's SMPP link to
 * its SMSC simulator, to the number the viewer keyed in; only the help desk's answers in the box's own thread
 * can be sent.
 */
class TvTextsTheAnswerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NEWS = "\"tv\": {\"service\": \"dvb://233a.1004.1044\", \"programme\": \"Evening News\"}";
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

    private static String box(String id) {
        return "\"setTopId\": \"" + id + "\"";
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
