package dev.switchboard.adapter.itv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.TvContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TvRequestParserTest {
    private static final String JSON = "application/json; charset=utf-8";
    private static final String BOX = "\"setTopId\": \"stb-1234abcd\"";
    private final TvRequestParser parser = new TvRequestParser();

    private static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aQuestionCarriesTheBoxWhatIsOnAndTheRegion() throws IOException {
        TvRequest request = parser.question(JSON, body("{" + BOX + ", \"text\": \" TV subtitles \", \"idempotencyKey\": \"k1\","
                + " \"tv\": {\"service\": \"dvb://233a.1004.1044\", \"programme\": \"Evening News\", \"region\": \"London\"}}"));

        assertThat(request.setTopId().value()).isEqualTo("stb-1234abcd");
        assertThat(request.text()).isEqualTo("TV subtitles");
        assertThat(request.tv()).isEqualTo(new TvContext("dvb://233a.1004.1044", "Evening News", "London"));
        assertThat(request.idempotencyKey()).isEqualTo("k1");
    }

    @Test
    void anEmptyQuestionOpensTheMenuAndATvWithoutServiceSaysNothing() throws IOException {
        TvRequest request = parser.question(JSON, body("{" + BOX + ", \"text\": \"\", \"tv\": {\"service\": \" \"}}"));

        assertThat(request.text()).isEmpty();
        assertThat(request.tv()).isNull();
    }

    @Test
    void colourKeyRequestsArePutIntoWordsForTheThread() throws IOException {
        assertThat(parser.colourKeyRequest(JSON, body("{" + BOX + ", \"kind\": \"send-to-phone\", \"phone\": \"+44 7700 900123\","
                + " \"about\": \"TV subtitles\"}")).text())
                .isEqualTo("Please send this to my phone +447700900123. About: TV subtitles");
        assertThat(parser.colourKeyRequest(JSON, body("{" + BOX + ", \"kind\": \"call-back\", \"phone\": \"+447700900456\"}")).text())
                .isEqualTo("Please call me back on +447700900456.");
        assertThat(parser.colourKeyRequest(JSON, body("{" + BOX + ", \"kind\": \"agent\"}")).text())
                .isEqualTo("I would like to talk to an agent.");
    }

    @Test
    void theSatisfactionAnswerIsARatingOfItsConversationNeverAMessage() throws IOException {
        var json = parser.requestBody(JSON, body("{" + BOX + ", \"kind\": \"satisfaction\", \"rating\": \"partly\","
                + " \"conversationId\": \"cv-1\", \"idempotencyKey\": \"k-1\"}"));
        assertThat(TvRequestParser.isSatisfaction(json)).isTrue();
        TvSatisfaction.Answer answer = parser.satisfaction(json);
        assertThat(answer.conversationId()).isEqualTo("cv-1");
        assertThat(answer.idempotencyKey()).isEqualTo("k-1");
        assertThat(answer.rating().score()).isEqualTo(3);
        assertThat(new TvSatisfaction.Answer(answer.setTopId(), "cv-1", "yes", null).rating().score()).isEqualTo(5);
        assertThat(new TvSatisfaction.Answer(answer.setTopId(), "cv-1", "no", null).rating().score()).isEqualTo(1);
        assertThatThrownBy(() -> parser.colourKeyRequest(json))
                .isInstanceOfSatisfying(TvApiException.class, e -> assertThat(e.code()).isEqualTo("invalid-kind"));
    }

    @Test
    void yellowAndBlueCarryTheNumberAndYellowTheAnswerOnTheScreen() throws IOException {
        TvRequest yellow = parser.colourKeyRequest(JSON, body("{" + BOX + ", \"kind\": \"send-to-phone\", \"phone\": \"+447700900123\","
                + " \"shown\": {\"conversationId\": \"cv-1\", \"messageId\": \"m-2\"}}"));
        TvRequest blue = parser.colourKeyRequest(JSON, body("{" + BOX + ", \"kind\": \"call-back\", \"phone\": \"+447700900456\"}"));

        assertThat(yellow.kind()).isEqualTo(TvRequestKind.SEND_TO_PHONE);
        assertThat(yellow.phone().value()).isEqualTo("+447700900123");
        assertThat(yellow.shown()).isEqualTo(new TvRequest.ShownAnswer("cv-1", "m-2"));
        assertThat(blue.kind()).isEqualTo(TvRequestKind.CALL_BACK);
        assertThat(blue.phone().value()).isEqualTo("+447700900456");
        assertThat(blue.shown()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"text\": \"hi\"}                                              | invalid-set-top-id",
        "{\"setTopId\": \"short\", \"text\": \"hi\"}                      | invalid-set-top-id",
        "{\"setTopId\": \"stb-1234abcd\"}                                | missing-text",
        "{\"setTopId\": \"stb-1234abcd\", \"text\": 5}                   | invalid-text",
        "{\"setTopId\": \"stb-1234abcd\", \"text\": \"hi\", \"pin\": 1}  | unknown-field",
        "{\"setTopId\": \"stb-1234abcd\", \"text\": \"hi\", \"tv\": 3}   | invalid-tv",
        "{\"setTopId\": \"stb-1234abcd\", \"text\": \"hi\"               | malformed-json",
        "[1, 2]                                                          | malformed-json",
    })
    void badQuestionsAreRefusedWithTheReason(String json, String code) {
        assertThatThrownBy(() -> parser.question(JSON, body(json)))
                .isInstanceOfSatisfying(TvApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"setTopId\": \"stb-1234abcd\", \"kind\": \"fax\"}                              | invalid-kind",
        "{\"setTopId\": \"stb-1234abcd\", \"kind\": \"call-back\", \"phone\": \"+12\"}    | invalid-phone",
        "{\"setTopId\": \"stb-1234abcd\", \"kind\": \"send-to-phone\"}                    | invalid-phone",
        "{\"setTopId\": \"stb-1234abcd\", \"kind\": \"satisfaction\", \"rating\": \"yes\"} | invalid-kind",
        "{\"setTopId\": \"stb-1234abcd\", \"kind\": \"agent\", \"rating\": \"yes\"} | unknown-field",
        "{\"setTopId\": \"stb-1234abcd\", \"kind\": \"send-to-phone\", \"phone\": \"+447700900123\", \"shown\": 1} | invalid-shown",
        "{\"setTopId\": \"stb-1234abcd\", \"kind\": \"send-to-phone\", \"phone\": \"+447700900123\", \"shown\": {\"messageId\": \"m-1\"}} | invalid-shown",
        "{\"setTopId\": \"stb-1234abcd\", \"kind\": \"send-to-phone\", \"phone\": \"+447700900123\", \"shown\": {\"text\": \"spam\"}} | unknown-field",
        "{\"setTopId\": \"stb-1234abcd\", \"kind\": \"agent\", \"shown\": {\"conversationId\": \"c\", \"messageId\": \"m\"}} | unknown-field",
    })
    void badColourKeyRequestsAreRefusedWithTheReason(String json, String code) {
        assertThatThrownBy(() -> parser.colourKeyRequest(JSON, body(json)))
                .isInstanceOfSatisfying(TvApiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aSatisfactionAnswerWithoutAColourKeysRatingIsRefused() throws IOException {
        var json = parser.requestBody(JSON, body("{" + BOX + ", \"kind\": \"satisfaction\", \"rating\": \"10\"}"));
        assertThatThrownBy(() -> parser.satisfaction(json))
                .isInstanceOfSatisfying(TvApiException.class, e -> assertThat(e.code()).isEqualTo("invalid-rating"));
    }

    @Test
    void onlyJsonOfAFewKilobytesIsRead() {
        assertThatThrownBy(() -> parser.question("text/plain", body("{}")))
                .isInstanceOfSatisfying(TvApiException.class, e -> assertThat(e.status()).isEqualTo(415));
        String huge = "{" + BOX + ", \"text\": \"" + "a".repeat(TvRequestParser.MAX_BYTES) + "\"}";
        assertThatThrownBy(() -> parser.question(JSON, body(huge)))
                .isInstanceOfSatisfying(TvApiException.class, e -> assertThat(e.status()).isEqualTo(413));
    }
}
