package dev.switchboard.adapter.wap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The adapter starts only with settings it can use, and says which one is wrong. */
class WapSettingsTest {
    private static Map<String, String> valid() {
        Map<String, String> settings = new HashMap<>();
        settings.put(WapSettings.DECK_BUDGET, "1400");
        settings.put(WapSettings.MAX_TEXT_LENGTH, "500");
        settings.put(WapSettings.MSISDN_HEADERS, "X-MSISDN, X-Up-Calling-Line-ID");
        settings.put(WapSettings.TRUSTED_GATEWAYS, "10.1.0.0/16, 192.0.2.7");
        settings.put(WapSettings.LOCATION_HEADER, "X-Location");
        settings.put(WapSettings.SESSION_MINUTES, "30");
        settings.put(WapSettings.SUBSCRIBER_DAYS, "30");
        settings.put(WapSettings.TOPICS, "Opening hours, Top up prepaid");
        settings.put(WapSettings.VERIFY_CODE_MINUTES, "10");
        return settings;
    }

    private static WapSettings read(Map<String, String> values) {
        return WapSettings.from(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void listsAreSplitAndTrimmed() {
        WapSettings settings = read(valid());

        assertThat(settings.msisdnHeaders()).containsExactly("X-MSISDN", "X-Up-Calling-Line-ID");
        assertThat(settings.topics()).containsExactly("Opening hours", "Top up prepaid");
        assertThat(settings.trustedGateways()).hasSize(2);
        assertThat(settings.trustedGateways().get(1).contains("192.0.2.7")).isTrue();
        assertThat(settings.sessionTimeToLive()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.verifyCodeLifetime()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aBadOrMissingSettingIsNamed() {
        Map<String, String> tooSmall = valid();
        tooSmall.put(WapSettings.DECK_BUDGET, "300");
        Map<String, String> hostName = valid();
        hostName.put(WapSettings.TRUSTED_GATEWAYS, "wap.operator.example");
        Map<String, String> missing = valid();
        missing.remove(WapSettings.TOPICS);
        Map<String, String> zero = valid();
        zero.put(WapSettings.SESSION_MINUTES, "0");
        Map<String, String> noCodeLifetime = valid();
        noCodeLifetime.put(WapSettings.VERIFY_CODE_MINUTES, "0");

        assertThatThrownBy(() -> read(tooSmall)).hasMessageContaining(WapSettings.DECK_BUDGET);
        assertThatThrownBy(() -> read(hostName)).hasMessageContaining(WapSettings.TRUSTED_GATEWAYS);
        assertThatThrownBy(() -> read(missing)).hasMessageContaining(WapSettings.TOPICS + " is missing");
        assertThatThrownBy(() -> read(zero)).hasMessageContaining(WapSettings.SESSION_MINUTES);
        assertThatThrownBy(() -> read(noCodeLifetime)).hasMessageContaining(WapSettings.VERIFY_CODE_MINUTES);
    }
}
