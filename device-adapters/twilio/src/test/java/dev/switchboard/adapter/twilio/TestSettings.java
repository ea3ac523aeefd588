package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.AdapterSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Twilio settings for tests: a made-up account, a public address, and Twilio's API on a given base URL. */
final class TestSettings {
    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "test-auth-token-0123456789";
    static final String FROM = "+15005550006";
    static final String PUBLIC_URL = "https://help.example.com";
    static final String QUEUE = "support desk";

    private TestSettings() {
    }

    static Map<String, String> values(String apiBaseUrl) {
        Map<String, String> values = new HashMap<>();
        values.put(TwilioSettings.ACCOUNT_SID, ACCOUNT_SID);
        values.put(TwilioSettings.AUTH_TOKEN, AUTH_TOKEN);
        values.put(TwilioSettings.FROM, FROM);
        values.put(TwilioSettings.API_BASE_URL, apiBaseUrl);
        values.put(TwilioSettings.PUBLIC_URL, PUBLIC_URL);
        values.put(TwilioSettings.VOICE_QUEUE, QUEUE);
        values.put(TwilioSettings.VOICE_LINK_PATH, "/wap");
        values.put(TwilioSettings.CALL_KEYWORDS, "CALL, Call me");
        return values;
    }

    static AdapterSettings of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    static TwilioSettings twilio(String apiBaseUrl) {
        return TwilioSettings.from(of(values(apiBaseUrl))).orElseThrow();
    }
}
