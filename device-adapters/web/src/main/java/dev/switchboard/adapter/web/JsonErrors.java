package dev.switchboard.adapter.web;

/**
 * The error body of every refused request, {@code {"error": "<code>", "message": "<reason>"}}, and the
 * codes it uses.
 */
final class JsonErrors {
    static final String MALFORMED_JSON = "malformed-json";
    static final String INVALID_REQUEST = "invalid-request";
    static final String MISSING_TEXT = "missing-text";
    static final String TEXT_TOO_LONG = "text-too-long";
    static final String INVALID_VISITOR_ID = "invalid-visitor-id";
    static final String INVALID_IDENTITY = "invalid-identity";
    static final String INVALID_LOCATION = "invalid-location";
    static final String INVALID_LOCALE = "invalid-locale";
    static final String INVALID_CONTEXT = "invalid-context";
    static final String INVALID_CONTACT_REQUEST = "invalid-contact-request";
    static final String INVALID_IDEMPOTENCY_KEY = "invalid-idempotency-key";
    static final String INVALID_PAGE = "invalid-page";
    static final String INVALID_RATING = "invalid-rating";
    static final String RATING_NOT_ASKED = "rating-not-asked";
    static final String UNREADABLE_BODY = "unreadable-body";
    static final String TOKEN_REQUIRED = "token-required";
    static final String NOT_FOUND = "not-found";
    static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    static final String BODY_TOO_LARGE = "body-too-large";
    static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    static final String INTERNAL = "internal";
    static final String ORIGIN_NOT_ALLOWED = "origin-not-allowed";

    static final String NOT_FOUND_MESSAGE =
            "no such conversation, or the customer token does not open it";
    static final String INTERNAL_MESSAGE = "the help desk could not take the request; try again later";

    private JsonErrors() {
    }

    /** The UTF-8 JSON error body. */
    static byte[] body(String code, String message) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("error", code);
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }
}
