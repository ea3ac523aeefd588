package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.AppInstallId;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.GeoLocation;
import dev.switchboard.spi.LocationSource;
import dev.switchboard.spi.TvContext;
import dev.switchboard.spi.WebVisitorId;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HelpRequestParserTest {

    private final HelpRequestParser parser = new HelpRequestParser(WebApiSettings.DEFAULT_MAX_TEXT_LENGTH);

    private HelpRequest parse(String json) {
        return parse(parser, json);
    }

    private static HelpRequest parse(HelpRequestParser parser, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return parser.parse(new JsonRequestBody(bytes, bytes.length));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String json, String code) {
        return assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(code);
                });
    }

    @Test
    void aMessageForAnAgentSaysSoAndAnyOtherValueIsRefused() {
        assertThat(parse("{\"text\": \"hi\", \"forAgent\": true}").forAgent()).isTrue();
        assertThat(parse("{\"text\": \"hi\", \"forAgent\": false}").forAgent()).isFalse();
        assertThat(parse("{\"text\": \"hi\", \"forAgent\": null}").forAgent()).isFalse();
        assertThat(parse("{\"text\": \"hi\"}").forAgent()).isFalse();
        assertRefused("{\"text\": \"hi\", \"forAgent\": \"yes\"}", JsonErrors.INVALID_REQUEST)
                .hasMessageContaining("forAgent");
    }

    @Test
    void readsEveryFieldAndEveryContextField() {
        HelpRequest request = parse("""
                {"text": "My router blinks red", "visitorId": "visitor-1234", "idempotencyKey": "k-1",
                 "context": {"location": {"lat": 52.2297, "lon": 21.0122, "accuracyMeters": 35.5, "source": "network"},
                             "locale": "pl-PL", "pageUrl": "https://shop.example/help?x=1",
                             "tv": {"service": "dvb://233a.1004.1044", "programme": "News at Ten"},
                             "network": "wifi", "placeName": " Kraków "}}
                """);

        assertThat(request.text()).isEqualTo("My router blinks red");
        assertThat(request.sender()).isEqualTo(new WebVisitorId("visitor-1234"));
        assertThat(request.idempotencyKey()).isEqualTo("k-1");
        assertThat(request.context()).isEqualTo(new DeviceContext(
                new GeoLocation(52.2297, 21.0122, 35.5, LocationSource.NETWORK),
                Locale.forLanguageTag("pl-PL"),
                null,
                "https://shop.example/help?x=1",
                new TvContext("dvb://233a.1004.1044", "News at Ten"),
                "wifi", "Kraków"));
        assertThat(request.context().locale().getLanguage()).isEqualTo("pl");
        assertThat(request.context().locale().getCountry()).isEqualTo("PL");
    }

    @Test
    void theMobileAppSendsItsInstallIdInsteadOfAVisitorIdNeverBoth() {
        assertThat(parse("{\"text\": \"hi\", \"appInstallId\": \"app-1234abcd\"}").sender())
                .isEqualTo(new AppInstallId("app-1234abcd"));
        assertThatThrownBy(() -> parse("{\"text\": \"hi\", \"appInstallId\": \"app-1234abcd\", \"visitorId\": \"v-12345678\"}"))
                .isInstanceOf(ApiException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> parse("{\"text\": \"hi\", \"appInstallId\": 7}"))
                .isInstanceOf(ApiException.class).hasMessageContaining("appInstallId must be a string");
    }

    @Test
    void onlyTheTextIsRequired() {
        HelpRequest request = parse("{\"text\": \"hello\"}");

        assertThat(request).isEqualTo(new HelpRequest("hello", null, DeviceContext.EMPTY, null, null, false));
    }

    @Test
    void nullFieldsCountAsAbsentAndUnknownFieldsAreIgnored() {
        HelpRequest request = parse("""
                {"text": "hello", "visitorId": null, "idempotencyKey": null, "colour": "blue",
                 "context": {"location": null, "locale": null, "pageUrl": null, "tv": null, "network": null, "x": 1}}
                """);

        assertThat(request).isEqualTo(new HelpRequest("hello", null, DeviceContext.EMPTY, null, null, false));
    }

    @Test
    void aLocationWithoutSourceOrAccuracyIsAGpsFixOfUnknownAccuracy() {
        GeoLocation location = parse("{\"text\": \"hi\", \"context\": {\"location\": {\"lat\": -33.9, \"lon\": 151}}}")
                .context().location();

        assertThat(location).isEqualTo(new GeoLocation(-33.9, 151, null, LocationSource.GPS));
    }

    @ParameterizedTest
    @CsvSource({"gps, GPS", "network, NETWORK", "operator, OPERATOR", "user-entered, USER_ENTERED", "other, OTHER",
            "USER-ENTERED, USER_ENTERED"})
    void readsEveryLocationSource(String source, LocationSource expected) {
        String json = "{\"text\": \"hi\", \"context\": {\"location\": {\"lat\": 1, \"lon\": 2, \"source\": \"" + source + "\"}}}";

        assertThat(parse(json).context().location().source()).isEqualTo(expected);
    }

    @Test
    void blankContextStringsCountAsAbsentAndAreTrimmed() {
        DeviceContext context = parse("{\"text\": \"hi\", \"context\": {\"network\": \"  \", \"tv\": {\"service\": \" bbc1 \"}}}")
                .context();

        assertThat(context.network()).isNull();
        assertThat(context.tv()).isEqualTo(new TvContext("bbc1", null));
    }

    @Test
    void keepsTheTextAsWritten() {
        assertThat(parse("{\"text\": \"  two  spaces\\nand a line  \"}").text()).isEqualTo("  two  spaces\nand a line  ");
    }

    @Test
    void malformedJsonIsRefusedWithTheParsersReasonAndPosition() {
        assertRefused("{\"text\": \"hi\",\n  }", JsonErrors.MALFORMED_JSON)
                .hasMessageStartingWith("malformed JSON: ")
                .hasMessageContaining("line 2, column 3")
                .hasMessageNotContaining("Source:");
        assertRefused("{\"text\": \"hi\"", JsonErrors.MALFORMED_JSON)
                .hasMessageContaining("end-of-input")
                .hasMessageNotContaining("REDACTED");
        assertRefused("{\"text\": \"a\"} {\"text\": \"b\"}", JsonErrors.MALFORMED_JSON)
                .hasMessage("malformed JSON: unexpected content after the JSON object at line 1, column 15");
        assertRefused("{\"text\": \"a\", \"text\": \"b\"}", JsonErrors.MALFORMED_JSON)
                .hasMessageContaining("Duplicate field 'text'");
        assertRefused("", JsonErrors.MALFORMED_JSON).hasMessage("the body is empty; send a JSON object");
    }

    @Test
    void theParsersReasonQuotesAtMostAShortPieceOfTheBody() {
        assertRefused("{\"text\": mycustomerwrotealongsentencewithoutanyquotesaroundit}", JsonErrors.MALFORMED_JSON)
                .hasMessageStartingWith("malformed JSON: Unrecognized token 'mycustomerwrotealongsentencewith...'")
                .hasMessageNotContaining("quotesaroundit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "null"})
    void aBodyThatIsNotAnObjectIsRefused(String json) {
        assertRefused(json, JsonErrors.INVALID_REQUEST).hasMessage("the body must be a JSON object");
    }

    @Test
    void missingBlankOrNonStringTextIsRefused() {
        assertRefused("{}", JsonErrors.MISSING_TEXT).hasMessage("text is missing");
        assertRefused("{\"text\": null}", JsonErrors.MISSING_TEXT).hasMessage("text is missing");
        assertRefused("{\"text\": \" \\t\\n \"}", JsonErrors.MISSING_TEXT).hasMessage("text is blank");
        assertRefused("{\"text\": 42}", JsonErrors.MISSING_TEXT).hasMessage("text must be a string");
    }

    @Test
    void textIsLimitedInCharactersNotUtf16Units() {
        String longest = "a".repeat(4_000);
        assertThat(parse("{\"text\": \"" + longest + "\"}").text()).hasSize(4_000);

        String emoji = "\uD83D\uDE00".repeat(4_000);
        assertThat(parse("{\"text\": \"" + emoji + "\"}").text()).isEqualTo(emoji);

        assertRefused("{\"text\": \"" + longest + "b\"}", JsonErrors.TEXT_TOO_LONG)
                .hasMessage("text is longer than 4000 characters");
    }

    @Test
    void theTextLimitComesFromTheSetting() {
        HelpRequestParser strict = new HelpRequestParser(5);

        assertThat(parse(strict, "{\"text\": \"12345\"}").text()).isEqualTo("12345");
        assertThatThrownBy(() -> parse(strict, "{\"text\": \"123456\"}"))
                .hasMessage("text is longer than 5 characters");
        assertThatThrownBy(() -> new HelpRequestParser(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInvalidVisitorIdIsRefusedWithTheAddressRule() {
        assertRefused("{\"text\": \"hi\", \"visitorId\": \"short\"}", JsonErrors.INVALID_VISITOR_ID)
                .hasMessage("web visitor id must be 8 to 64 letters, digits, '.', '_', ':' or '-'");
        assertRefused("{\"text\": \"hi\", \"visitorId\": \"\"}", JsonErrors.INVALID_VISITOR_ID)
                .hasMessage("web visitor id is missing");
        assertRefused("{\"text\": \"hi\", \"visitorId\": 12345678}", JsonErrors.INVALID_VISITOR_ID)
                .hasMessage("visitorId must be a string");
    }

    @Test
    void anInvalidLocationIsRefusedWithTheReason() {
        assertRefused(withContext("{\"location\": {\"lat\": 91, \"lon\": 0}}"), JsonErrors.INVALID_LOCATION)
                .hasMessage("context.location: latitude must be between -90 and 90, was 91.0");
        assertRefused(withContext("{\"location\": {\"lat\": 0, \"lon\": -180.5}}"), JsonErrors.INVALID_LOCATION)
                .hasMessage("context.location: longitude must be between -180 and 180, was -180.5");
        assertRefused(withContext("{\"location\": {\"lat\": 0, \"lon\": 0, \"accuracyMeters\": -1}}"),
                JsonErrors.INVALID_LOCATION)
                .hasMessage("context.location: accuracy must be a distance in metres, was -1.0");
        assertRefused(withContext("{\"location\": {\"lon\": 0}}"), JsonErrors.INVALID_LOCATION)
                .hasMessage("context.location.lat is missing");
        assertRefused(withContext("{\"location\": {\"lat\": \"52.1\", \"lon\": 0}}"), JsonErrors.INVALID_LOCATION)
                .hasMessage("context.location.lat must be a number");
        assertRefused(withContext("{\"location\": {\"lat\": 1, \"lon\": 0, \"accuracyMeters\": \"10m\"}}"),
                JsonErrors.INVALID_LOCATION)
                .hasMessage("context.location.accuracyMeters must be a number");
        assertRefused(withContext("{\"location\": {\"lat\": 1, \"lon\": 0, \"source\": \"wifi\"}}"),
                JsonErrors.INVALID_LOCATION)
                .hasMessage("context.location.source must be one of gps, network, operator, user-entered, other");
        assertRefused(withContext("{\"location\": [52, 21]}"), JsonErrors.INVALID_LOCATION)
                .hasMessage("context.location must be a JSON object with lat and lon");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pl_PL", "english please", "x-", "", "42"})
    void anInvalidLocaleIsRefused(String tag) {
        assertRefused(withContext("{\"locale\": \"" + tag + "\"}"), JsonErrors.INVALID_LOCALE)
                .hasMessageStartingWith("context.locale must be a BCP 47 language tag like pl-PL");
    }

    @Test
    void otherContextValuesAreChecked() {
        assertRefused(withContext("\"wifi\""), JsonErrors.INVALID_CONTEXT).hasMessage("context must be a JSON object");
        assertRefused(withContext("{\"pageUrl\": \"javascript:alert(1)\"}"), JsonErrors.INVALID_CONTEXT)
                .hasMessage("context.pageUrl must be an absolute http or https URL");
        assertRefused(withContext("{\"pageUrl\": \"/help\"}"), JsonErrors.INVALID_CONTEXT)
                .hasMessage("context.pageUrl must be an absolute http or https URL");
        assertRefused(withContext("{\"tv\": {\"programme\": \"News\"}}"), JsonErrors.INVALID_CONTEXT)
                .hasMessage("context.tv: TV service is missing");
        assertRefused(withContext("{\"tv\": \"bbc1\"}"), JsonErrors.INVALID_CONTEXT)
                .hasMessage("context.tv must be a JSON object with service");
        assertRefused(withContext("{\"network\": 4}"), JsonErrors.INVALID_CONTEXT)
                .hasMessage("context.network must be a string");
        assertRefused(withContext("{\"network\": \"" + "n".repeat(2049) + "\"}"), JsonErrors.INVALID_CONTEXT)
                .hasMessage("context.network is longer than 2048 characters");
        assertRefused(withContext("{\"placeName\": [\"Kraków\"]}"), JsonErrors.INVALID_CONTEXT)
                .hasMessage("context.placeName must be a string");
        assertRefused(withContext("{\"placeName\": \"" + "p".repeat(101) + "\"}"), JsonErrors.INVALID_CONTEXT)
                .hasMessage("context.placeName is longer than 100 characters");
    }

    @Test
    void anInvalidIdempotencyKeyIsRefused() {
        assertRefused("{\"text\": \"hi\", \"idempotencyKey\": \" \"}", JsonErrors.INVALID_IDEMPOTENCY_KEY)
                .hasMessage("idempotencyKey is blank");
        assertRefused("{\"text\": \"hi\", \"idempotencyKey\": \"" + "k".repeat(201) + "\"}",
                JsonErrors.INVALID_IDEMPOTENCY_KEY)
                .hasMessage("idempotencyKey is longer than 200 characters");
        assertRefused("{\"text\": \"hi\", \"idempotencyKey\": 7}", JsonErrors.INVALID_IDEMPOTENCY_KEY)
                .hasMessage("idempotencyKey must be a string");
    }

    @Test
    void aCallBackOrTextRequestIsReadAndStandsInForTheText() {
        HelpRequest callBack = parse("{\"request\": {\"kind\": \"call-back\", \"phone\": \"+44 7700 900123\"}}");
        assertThat(callBack.request()).isEqualTo(ContactRequest.callBack(new E164Number("+447700900123")));
        assertThat(callBack.text()).isEqualTo("Please call me back on +447700900123.");

        HelpRequest textMe = parse("{\"text\": \"send me the link\", \"request\": {\"kind\": \"text-me\","
                + " \"phone\": \"+48600100200\", \"text\": \"https://example.com/help\"}}");
        assertThat(textMe.text()).isEqualTo("send me the link");
        assertThat(textMe.request()).isEqualTo(ContactRequest.text(new E164Number("+48600100200"), "https://example.com/help"));
        assertThat(parse("{\"request\": {\"kind\": \"text-me\", \"phone\": \"+48600100200\"}}").request().text())
                .as("the latest answer").isNull();
    }

    @Test
    void aContactRequestWithoutAValidPhoneOrKindIsRefusedNamingTheField() {
        assertRefused("{\"request\": {\"kind\": \"call-back\"}}", JsonErrors.INVALID_CONTACT_REQUEST)
                .hasMessageContaining("request.phone is missing");
        assertRefused("{\"request\": {\"kind\": \"call-back\", \"phone\": \"07700 900123\"}}",
                JsonErrors.INVALID_CONTACT_REQUEST).hasMessageContaining("international form");
        assertRefused("{\"request\": {\"kind\": \"fax-me\", \"phone\": \"+447700900123\"}}",
                JsonErrors.INVALID_CONTACT_REQUEST).hasMessageContaining("call-back or text-me");
        assertRefused("{\"request\": \"call me\"}", JsonErrors.INVALID_CONTACT_REQUEST);
        assertRefused("{\"request\": {\"kind\": \"text-me\", \"phone\": \"+447700900123\", \"text\": \"%s\"}}"
                .formatted("x".repeat(ContactRequest.MAX_TEXT_LENGTH + 1)), JsonErrors.INVALID_CONTACT_REQUEST)
                .hasMessageContaining("at most 1600 characters");
    }

    private static String withContext(String context) {
        return "{\"text\": \"hi\", \"context\": " + context + "}";
    }
}
