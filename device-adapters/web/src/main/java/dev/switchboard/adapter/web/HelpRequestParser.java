package dev.switchboard.adapter.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.AppInstallId;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.GeoLocation;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.InvalidAddressException;
import dev.switchboard.spi.LocationSource;
import dev.switchboard.spi.TvContext;
import dev.switchboard.spi.WebVisitorId;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and checks the JSON body of {@code POST /api/help} and {@code POST /api/conversations/{id}/messages}:
 * <pre>{@code
 * {"text": "...", "visitorId": "..." (or "appInstallId": "..." from the mobile app), "idempotencyKey": "...",
 *  "context": {"location": {"lat": 52.2, "lon": 21.0, "accuracyMeters": 30, "source": "gps"},
 *              "locale": "pl-PL", "pageUrl": "https://...", "tv": {"service": "...", "programme": "..."},
 *              "network": "wifi"},
 *  "request": {"kind": "call-back", "phone": "+447700900123"}, "forAgent": true}
 * }</pre>
 * {@code forAgent} (default {@code false}) keeps the message for a person: the knowledge base does not answer it,
 * and while nobody is on duty it is kept as an offline message (the widget's offline form sends it).
 * {@code request} asks to be called back ({@code call-back}) or texted ({@code text-me}, with an optional
 * {@code "text"}; without one the help desk's latest answer) on {@code phone}. Only {@code text} is
 * required, and not even it when a request is given (its words are then the request's); a {@code null} field counts as absent and unknown fields are ignored.
 * Every refusal is an {@link ApiException} with status 400 and a reason naming the field.
 */
final class HelpRequestParser {

    /** Longest accepted {@code pageUrl} and {@code network}, TV service and programme, in characters. */
    static final int MAX_CONTEXT_VALUE_LENGTH = 2048;
    /** Longest accepted {@code placeName}: longer than any town's name or postcode. */
    static final int MAX_PLACE_NAME_LENGTH = 100;

    private static final Pattern MESSAGE_SOURCE = Pattern.compile(" ?\\[Source: [^;\\]]*; ");

    private final int maxTextLength;

    /** @param maxTextLength the longest accepted text, in characters (Unicode code points) */
    HelpRequestParser(int maxTextLength) {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("the longest text must be at least 1 character, was " + maxTextLength);
        }
        this.maxTextLength = maxTextLength;
    }

    HelpRequest parse(JsonRequestBody body) {
        JsonNode root = readTree(body);
        if (root == null || root.isMissingNode()) {
            throw ApiException.badRequest(JsonErrors.MALFORMED_JSON, "the body is empty; send a JSON object");
        }
        if (!root.isObject()) {
            throw ApiException.badRequest(JsonErrors.INVALID_REQUEST, "the body must be a JSON object");
        }
        ContactRequest request = ContactRequestJson.read(root.get("request"));
        return new HelpRequest(
                request != null && absent(root.get("text")) ? request.inWords() : text(root.get("text")),
                sender(root.get("visitorId"), root.get("appInstallId")),
                context(root.get("context")),
                idempotencyKey(root.get("idempotencyKey"), "idempotencyKey"),
                request,
                forAgent(root.get("forAgent")));
    }

    private static boolean forAgent(JsonNode value) {
        if (absent(value)) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest(JsonErrors.INVALID_REQUEST, "forAgent must be true or false");
        }
        return value.booleanValue();
    }

    /**
     * Checks an idempotency key from the body or the {@code Idempotency-Key} header.
     *
     * @return the key, or {@code null} when absent
     */
    static String idempotencyKey(String key, String field) {
        if (key == null) {
            return null;
        }
        if (key.isBlank()) {
            throw ApiException.badRequest(JsonErrors.INVALID_IDEMPOTENCY_KEY, field + " is blank");
        }
        if (key.length() > Interaction.MAX_KEY_LENGTH) {
            throw ApiException.badRequest(JsonErrors.INVALID_IDEMPOTENCY_KEY,
                    field + " is longer than " + Interaction.MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    /** The body as a JSON tree; a malformed one is refused with 400 {@code malformed-json}, where it broke. */
    static JsonNode readTree(JsonRequestBody body) {
        try (JsonParser parser = Json.MAPPER.createParser(body.bytes(), 0, body.length())) {
            JsonNode root = Json.MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw malformed("unexpected content after the JSON object", parser.currentTokenLocation());
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(MESSAGE_SOURCE.matcher(e.getOriginalMessage()).replaceAll(" ["), e.getLocation());
        } catch (IOException e) {
            throw malformed("the body could not be read as JSON: " + e.getMessage(), null);
        }
    }

    private static ApiException malformed(String reason, JsonLocation location) {
        String where = location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return ApiException.badRequest(JsonErrors.MALFORMED_JSON, "malformed JSON: " + reason + where);
    }

    private String text(JsonNode node) {
        if (absent(node)) {
            throw ApiException.badRequest(JsonErrors.MISSING_TEXT, "text is missing");
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(JsonErrors.MISSING_TEXT, "text must be a string");
        }
        String text = node.textValue();
        if (text.isBlank()) {
            throw ApiException.badRequest(JsonErrors.MISSING_TEXT, "text is blank");
        }
        if (text.length() > maxTextLength && text.codePointCount(0, text.length()) > maxTextLength) {
            throw ApiException.badRequest(JsonErrors.TEXT_TOO_LONG,
                    "text is longer than " + maxTextLength + " characters");
        }
        return text;
    }

    /** A web visitor id, or the install id of the mobile app (its messages go as channel {@code mobile-app}). */
    private static CustomerAddress sender(JsonNode visitor, JsonNode app) {
        if (absent(app)) {
            return absent(visitor) ? null : opaqueId(visitor, "visitorId", WebVisitorId::new);
        }
        if (!absent(visitor)) {
            throw ApiException.badRequest(JsonErrors.INVALID_VISITOR_ID, "send visitorId or appInstallId, not both");
        }
        return opaqueId(app, "appInstallId", AppInstallId::new);
    }

    private static CustomerAddress opaqueId(JsonNode node, String field,
                                            Function<String, CustomerAddress> address) {
        if (!node.isTextual()) {
            throw ApiException.badRequest(JsonErrors.INVALID_VISITOR_ID, field + " must be a string");
        }
        try {
            return address.apply(node.textValue());
        } catch (InvalidAddressException e) {
            throw ApiException.badRequest(JsonErrors.INVALID_VISITOR_ID, e.getMessage());
        }
    }

    private static String idempotencyKey(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(JsonErrors.INVALID_IDEMPOTENCY_KEY, field + " must be a string");
        }
        return idempotencyKey(node.textValue(), field);
    }

    private static DeviceContext context(JsonNode node) {
        if (absent(node)) {
            return DeviceContext.EMPTY;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest(JsonErrors.INVALID_CONTEXT, "context must be a JSON object");
        }
        return new DeviceContext(
                location(node.get("location")),
                locale(node.get("locale")),
                null,
                pageUrl(node.get("pageUrl")),
                tv(node.get("tv")),
                contextString(node.get("network"), "context.network"),
                placeName(node.get("placeName")));
    }

    private static GeoLocation location(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw invalidLocation("context.location must be a JSON object with lat and lon");
        }
        double latitude = coordinate(node.get("lat"), "lat");
        double longitude = coordinate(node.get("lon"), "lon");
        JsonNode accuracy = node.get("accuracyMeters");
        if (!absent(accuracy) && !accuracy.isNumber()) {
            throw invalidLocation("context.location.accuracyMeters must be a number");
        }
        try {
            return new GeoLocation(latitude, longitude, absent(accuracy) ? null : accuracy.doubleValue(),
                    locationSource(node.get("source")));
        } catch (IllegalArgumentException e) {
            throw invalidLocation("context.location: " + e.getMessage());
        }
    }

    private static double coordinate(JsonNode node, String name) {
        if (absent(node)) {
            throw invalidLocation("context.location." + name + " is missing");
        }
        if (!node.isNumber()) {
            throw invalidLocation("context.location." + name + " must be a number");
        }
        return node.doubleValue();
    }

    private static LocationSource locationSource(JsonNode node) {
        if (absent(node)) {
            return LocationSource.GPS;
        }
        String value = node.isTextual() ? node.textValue().trim().toLowerCase(Locale.ROOT) : "";
        return switch (value) {
            case "gps" -> LocationSource.GPS;
            case "network" -> LocationSource.NETWORK;
            case "operator" -> LocationSource.OPERATOR;
            case "user-entered" -> LocationSource.USER_ENTERED;
            case "other" -> LocationSource.OTHER;
            default -> throw invalidLocation(
                    "context.location.source must be one of gps, network, operator, user-entered, other");
        };
    }

    private static ApiException invalidLocation(String message) {
        return ApiException.badRequest(JsonErrors.INVALID_LOCATION, message);
    }

    private static Locale locale(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw ApiException.badRequest(JsonErrors.INVALID_LOCALE,
                    "context.locale must be a BCP 47 language tag like pl-PL");
        }
        try {
            return new Locale.Builder().setLanguageTag(node.textValue().trim()).build();
        } catch (IllformedLocaleException e) {
            throw ApiException.badRequest(JsonErrors.INVALID_LOCALE,
                    "context.locale must be a BCP 47 language tag like pl-PL: " + e.getMessage());
        }
    }

    private static String pageUrl(JsonNode node) {
        String value = contextString(node, "context.pageUrl");
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw ApiException.badRequest(JsonErrors.INVALID_CONTEXT, "context.pageUrl must be an absolute http or https URL");
    }

    private static TvContext tv(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest(JsonErrors.INVALID_CONTEXT, "context.tv must be a JSON object with service");
        }
        try {
            return new TvContext(contextString(node.get("service"), "context.tv.service"),
                    contextString(node.get("programme"), "context.tv.programme"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(JsonErrors.INVALID_CONTEXT, "context.tv: " + e.getMessage());
        }
    }

    /** A town or postcode the customer keyed in; the hub looks it up. */
    private static String placeName(JsonNode node) {
        String value = contextString(node, "context.placeName");
        if (value != null && value.length() > MAX_PLACE_NAME_LENGTH) {
            throw ApiException.badRequest(JsonErrors.INVALID_CONTEXT,
                    "context.placeName is longer than " + MAX_PLACE_NAME_LENGTH + " characters");
        }
        return value;
    }

    /** An optional string of the context, trimmed; blank counts as absent. */
    private static String contextString(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(JsonErrors.INVALID_CONTEXT, field + " must be a string");
        }
        String value = node.textValue().trim();
        if (value.length() > MAX_CONTEXT_VALUE_LENGTH) {
            throw ApiException.badRequest(JsonErrors.INVALID_CONTEXT,
                    field + " is longer than " + MAX_CONTEXT_VALUE_LENGTH + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }
}
