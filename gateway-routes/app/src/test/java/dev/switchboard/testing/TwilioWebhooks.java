package dev.switchboard.testing;

import dev.switchboard.adapter.testkit.TwilioSigner;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;

/**
 * Twilio's side of its webhooks, for tests and benchmarks against a gateway with the Twilio channel on: the
 * settings that turn it on, and webhooks posted and signed as Twilio signs them (Twilio's documented algorithm:
 * HMAC-SHA1 keyed with the auth token over the URL Twilio called followed by the POST parameters' names and
 * values sorted by name, Base64), written here independently of the SDK that checks them.
 */
public final class TwilioWebhooks {
    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "gateway-test-auth-token";
    public static final String HELP_NUMBER = "+15005550006";
    /** The address Twilio calls: a proxy in front of the gateway, so signatures name it, not 127.0.0.1. */
    public static final String PUBLIC_URL = "https://help.example.com";
    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private TwilioWebhooks() {
    }

    /** Gateway settings that turn the Twilio channel on, with its REST API at {@code apiBaseUrl}. */
    public static Map<String, String> settings(String apiBaseUrl) {
        return Map.of(
                "switchboard.twilio.account-sid", ACCOUNT_SID,
                "switchboard.twilio.auth-token", AUTH_TOKEN,
                "switchboard.twilio.from", HELP_NUMBER,
                "switchboard.twilio.api-base-url", apiBaseUrl,
                "switchboard.public-url", PUBLIC_URL);
    }

    /** The form of an incoming SMS as Twilio posts it. */
    public static Map<String, String> sms(String messageSid, String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "US");
        form.put("SmsMessageSid", messageSid);
        form.put("NumMedia", "0");
        form.put("SmsSid", messageSid);
        form.put("MessageSid", messageSid);
        form.put("AccountSid", ACCOUNT_SID);
        form.put("From", from);
        form.put("To", HELP_NUMBER);
        form.put("Body", body);
        form.put("NumSegments", "1");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    /** The form of a status callback for a text we sent, as Twilio posts it; {@code errorCode} may be {@code null}. */
    public static Map<String, String> statusCallback(String messageSid, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("From", HELP_NUMBER);
        form.put("MessageSid", messageSid);
        form.put("SmsSid", messageSid);
        form.put("MessageStatus", status);
        form.put("SmsStatus", status);
        form.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }

    /** Twilio's signature of a POST to {@code url} with {@code form}. */
    public static String sign(String authToken, String url, Map<String, String> form) {
        return TwilioSigner.sign(authToken, url, form);
    }

    /** {@code form} as an {@code application/x-www-form-urlencoded} body. */
    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A POST of {@code form} to the gateway at {@code base} + {@code path}, with the given signature ({@code null}: none). */
    public static HttpRequest post(URI base, String path, Map<String, String> form, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(java.time.Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (signature != null) {
            request.header(SIGNATURE_HEADER, signature);
        }
        return request.build();
    }

    /** A POST signed as Twilio signs it when it calls {@link #PUBLIC_URL} + {@code path} (with its query). */
    public static HttpRequest signedPost(URI base, String path, Map<String, String> form) {
        return post(base, path, form, sign(AUTH_TOKEN, PUBLIC_URL + path, form));
    }
}
