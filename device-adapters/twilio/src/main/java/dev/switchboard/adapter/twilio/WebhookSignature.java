package dev.switchboard.adapter.twilio;

import com.twilio.security.RequestValidator;
import java.util.Map;

/**
 * Checks Twilio's {@code X-Twilio-Signature} with the SDK's {@link RequestValidator}: an HMAC-SHA1, keyed with
 * the auth token, of the URL Twilio called followed by the POST parameters sorted by name. The URL is the
 * configured public address plus the request's path and query, so the check holds behind a proxy that
 * rewrites host, port or scheme.
 */
final class WebhookSignature {
    static final String HEADER = "X-Twilio-Signature";

    private final RequestValidator validator;
    private final TwilioSettings settings;

    WebhookSignature(TwilioSettings settings) {
        this.validator = new RequestValidator(settings.authToken());
        this.settings = settings;
    }

    /**
     * @param path      the request's path as received ({@code /twilio/sms})
     * @param query     the raw query string, or {@code null}
     * @param form      the POST body's parameters
     * @param signature the header's value, or {@code null} when missing
     */
    boolean isValid(String path, String query, Map<String, String> form, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return validator.validate(signedUrl(path, query), form, signature);
    }

    /** The URL Twilio signed. */
    String signedUrl(String path, String query) {
        String url = settings.publicAddress(path);
        return query == null || query.isEmpty() ? url : url + "?" + query;
    }
}
