package dev.switchboard.adapter.itv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.InvalidAddressException;
import dev.switchboard.spi.SetTopId;
import dev.switchboard.spi.TvContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the overlay's JSON bodies (UTF-8, at most {@value #MAX_BYTES} bytes):
 * <pre>{@code
 * POST /tv/api/help      {"setTopId": "...", "text": "...", "tv": {...}?, "idempotencyKey": "..."?}
 * POST /tv/api/requests  {"setTopId": "...", "kind": "agent" | "send-to-phone" | "call-back" | "satisfaction",
 *                         "phone": "+44..."?, "about": "..."?,
 *                         "shown": {"conversationId": "...", "messageId": "..."}?,
 *                         "rating": "yes" | "partly" | "no", "conversationId": "..." (satisfaction only),
 *                         "tv": {...}?, "idempotencyKey": "..."?}
 * tv: {"service": "dvb://...", "programme": "..."?, "region": "..."?}
 * shown (send-to-phone only): the help desk's answer that was on the screen, as its thread names it
 * }</pre>
 * Anything else is refused with a {@link TvApiException} that says what is wrong.
 */
final class TvRequestParser {
    static final int MAX_BYTES = 16 * 1024;
    static final int MAX_TEXT_LENGTH = 2_000;
    static final int MAX_FIELD_LENGTH = 200;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final Set<String> HELP_FIELDS = Set.of("setTopId", "text", "tv", "idempotencyKey");
    private static final Set<String> REQUEST_FIELDS =
            Set.of("setTopId", "kind", "phone", "about", "rating", "shown", "tv", "idempotencyKey", "conversationId");
    private static final Set<String> TV_FIELDS = Set.of("service", "programme", "region");
    private static final Set<String> SHOWN_FIELDS = Set.of("conversationId", "messageId");
    private static final Set<String> RATINGS = Set.of("yes", "partly", "no");

    /** A question: {@code POST /tv/api/help}. */
    TvRequest question(String contentType, InputStream body) throws IOException {
        JsonNode json = read(contentType, body, HELP_FIELDS);
        String text = string(json, "text", MAX_TEXT_LENGTH);
        if (text == null) {
            throw TvApiException.badRequest("missing-text", "text is missing (send \"\" to open the topic menu)");
        }
        return new TvRequest(setTopId(json), text.strip(), tv(json), idempotencyKey(json));
    }

    /** A colour-key request: {@code POST /tv/api/requests}. */
    TvRequest colourKeyRequest(String contentType, InputStream body) throws IOException {
        return colourKeyRequest(requestBody(contentType, body));
    }

    /** The body of {@code POST /tv/api/requests}, checked for its fields, before it is read as one kind or another. */
    JsonNode requestBody(String contentType, InputStream body) throws IOException {
        return read(contentType, body, REQUEST_FIELDS);
    }

    /** Whether a request body answers the satisfaction question ({@link #satisfaction}). */
    static boolean isSatisfaction(JsonNode json) {
        return json.path("kind").isTextual() && json.path("kind").textValue().equals(TvRequestKind.SATISFACTION.id());
    }

    /** The viewer's answer to the satisfaction question: {@code {"kind": "satisfaction", "conversationId", "rating"}}. */
    TvSatisfaction.Answer satisfaction(JsonNode json) {
        String rating = string(json, "rating", MAX_FIELD_LENGTH);
        if (rating == null || !RATINGS.contains(rating)) {
            throw TvApiException.badRequest("invalid-rating", "rating must be yes, partly or no");
        }
        return new TvSatisfaction.Answer(setTopId(json), blankToNull(string(json, "conversationId", MAX_FIELD_LENGTH)),
                rating, idempotencyKey(json));
    }

    TvRequest colourKeyRequest(JsonNode json) {
        TvRequestKind kind = TvRequestKind.fromId(string(json, "kind", MAX_FIELD_LENGTH));
        if (kind == TvRequestKind.SATISFACTION) {
            throw TvApiException.badRequest("invalid-kind", "satisfaction is a rating, not a message");
        }
        if (json.has("conversationId")) {
            throw TvApiException.badRequest("unknown-field", "conversationId goes only with satisfaction");
        }
        E164Number phone = kind.needsPhone() ? phone(string(json, "phone", MAX_FIELD_LENGTH)) : null;
        if (json.has("rating")) {
            throw TvApiException.badRequest("unknown-field", "rating goes only with satisfaction");
        }
        String about = blankToNull(string(json, "about", MAX_FIELD_LENGTH));
        TvRequest.ShownAnswer shown = shown(json);
        if (shown != null && kind != TvRequestKind.SEND_TO_PHONE) {
            throw TvApiException.badRequest("unknown-field", "shown goes only with send-to-phone");
        }
        return new TvRequest(setTopId(json), kind.text(phone, about), tv(json), idempotencyKey(json), kind,
                phone, shown);
    }

    private static JsonNode read(String contentType, InputStream body, Set<String> fields) throws IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new TvApiException(415, "unsupported-media-type", "send application/json");
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new TvApiException(413, "body-too-large", "the request body is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw TvApiException.badRequest("malformed-json", "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw TvApiException.badRequest("malformed-json", "the body must be a JSON object");
        }
        requireOnly(json, fields, "");
        return json;
    }

    private static void requireOnly(JsonNode json, Set<String> fields, String prefix) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw TvApiException.badRequest("unknown-field", "unknown field '" + prefix + shorten(name) + "'");
            }
        }
    }

    private static SetTopId setTopId(JsonNode json) {
        try {
            return new SetTopId(string(json, "setTopId", MAX_FIELD_LENGTH));
        } catch (IllegalArgumentException e) {
            throw TvApiException.badRequest("invalid-set-top-id", e.getMessage());
        }
    }

    private static E164Number phone(String value) {
        try {
            return new E164Number(value);
        } catch (InvalidAddressException e) {
            throw TvApiException.badRequest("invalid-phone", e.getMessage());
        }
    }

    private static TvContext tv(JsonNode json) {
        JsonNode tv = json.get("tv");
        if (tv == null || tv.isNull()) {
            return null;
        }
        if (!tv.isObject()) {
            throw TvApiException.badRequest("invalid-tv", "tv must be an object with service, programme, region");
        }
        requireOnly(tv, TV_FIELDS, "tv.");
        String service = blankToNull(string(tv, "service", MAX_FIELD_LENGTH));
        return service == null ? null : new TvContext(service,
                blankToNull(string(tv, "programme", MAX_FIELD_LENGTH)), blankToNull(string(tv, "region", MAX_FIELD_LENGTH)));
    }

    private static TvRequest.ShownAnswer shown(JsonNode json) {
        JsonNode shown = json.get("shown");
        if (shown == null || shown.isNull()) {
            return null;
        }
        if (!shown.isObject()) {
            throw TvApiException.badRequest("invalid-shown", "shown must be an object with conversationId, messageId");
        }
        requireOnly(shown, SHOWN_FIELDS, "shown.");
        String conversationId = blankToNull(string(shown, "conversationId", MAX_FIELD_LENGTH));
        String messageId = blankToNull(string(shown, "messageId", MAX_FIELD_LENGTH));
        if (conversationId == null || messageId == null) {
            throw TvApiException.badRequest("invalid-shown", "shown needs both conversationId and messageId");
        }
        return new TvRequest.ShownAnswer(conversationId, messageId);
    }

    private static String idempotencyKey(JsonNode json) {
        String key = string(json, "idempotencyKey", Interaction.MAX_KEY_LENGTH);
        if (key != null && key.isBlank()) {
            throw TvApiException.badRequest("invalid-idempotency-key", "idempotencyKey is blank");
        }
        return key;
    }

    private static String string(JsonNode json, String field, int maxLength) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw TvApiException.badRequest("invalid-" + field.toLowerCase(Locale.ROOT), field + " must be a string");
        }
        String text = value.textValue();
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw TvApiException.badRequest("too-long", field + " is longer than " + maxLength + " characters");
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
