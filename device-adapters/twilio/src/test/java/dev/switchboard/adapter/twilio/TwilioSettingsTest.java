package dev.switchboard.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSettingsTest {

    @Test
    void withoutAnyTwilioSettingTheChannelIsOff() {
        assertThat(TwilioSettings.from(TestSettings.of(Map.of(
                TwilioSettings.API_BASE_URL, "https://api.twilio.com", TwilioSettings.PUBLIC_URL, "")))).isEmpty();
    }

    @Test
    void allSettingsGivenMakeTheChannelWithATrailingSlashDropped() {
        Map<String, String> values = TestSettings.values("http://127.0.0.1:9/");
        values.put(TwilioSettings.PUBLIC_URL, "https://proxy.example.com/switchboard/");

        TwilioSettings settings = TwilioSettings.from(TestSettings.of(values)).orElseThrow();

        assertThat(settings.from().value()).isEqualTo(TestSettings.FROM);
        assertThat(settings.publicAddress("/twilio/sms")).isEqualTo("https://proxy.example.com/switchboard/twilio/sms");
        assertThat(settings.toString()).doesNotContain(TestSettings.AUTH_TOKEN);
    }

    @Test
    void aHalfConfiguredChannelStopsTheStartNamingWhatIsMissing() {
        Map<String, String> values = TestSettings.values("https://api.twilio.com");
        values.remove(TwilioSettings.AUTH_TOKEN);
        values.put(TwilioSettings.PUBLIC_URL, "");

        assertThatThrownBy(() -> TwilioSettings.from(TestSettings.of(values)))
                .hasMessageContaining("set SWITCHBOARD_TWILIO_AUTH_TOKEN, SWITCHBOARD_PUBLIC_URL too");
    }

    @Test
    void malformedValuesAreNamed() {
        Map<String, String> badSid = TestSettings.values("https://api.twilio.com");
        badSid.put(TwilioSettings.ACCOUNT_SID, "AC123");
        assertThatThrownBy(() -> TwilioSettings.from(TestSettings.of(badSid)))
                .hasMessageContaining("SWITCHBOARD_TWILIO_ACCOUNT_SID");

        Map<String, String> badFrom = TestSettings.values("https://api.twilio.com");
        badFrom.put(TwilioSettings.FROM, "HELPDESK");
        assertThatThrownBy(() -> TwilioSettings.from(TestSettings.of(badFrom)))
                .hasMessageContaining("SWITCHBOARD_TWILIO_FROM");

        Map<String, String> badUrl = TestSettings.values("https://api.twilio.com");
        badUrl.put(TwilioSettings.PUBLIC_URL, "help.example.com");
        assertThatThrownBy(() -> TwilioSettings.from(TestSettings.of(badUrl)))
                .hasMessageContaining("SWITCHBOARD_PUBLIC_URL");
    }

    @Test
    void theVoiceSettingsGiveTheQueueTheLinkAndTheCallWords() {
        TwilioSettings.Voice voice = TestSettings.twilio("https://api.twilio.com").voice();

        assertThat(voice.queue()).isEqualTo(TestSettings.QUEUE);
        assertThat(voice.helpLink()).isEqualTo(TestSettings.PUBLIC_URL + "/wap");
        assertThat(voice.asksForCallBack(" call me ")).isTrue();
        assertThat(voice.asksForCallBack("CALL")).isTrue();
        assertThat(voice.asksForCallBack("call me maybe")).isFalse();
    }

    @Test
    void aBadQueueOrLinkPathIsNamed() {
        Map<String, String> badQueue = TestSettings.values("https://api.twilio.com");
        badQueue.put(TwilioSettings.VOICE_QUEUE, "<queue>");
        assertThatThrownBy(() -> TwilioSettings.from(TestSettings.of(badQueue)))
                .hasMessageContaining("SWITCHBOARD_TWILIO_VOICE_QUEUE");

        Map<String, String> badPath = TestSettings.values("https://api.twilio.com");
        badPath.put(TwilioSettings.VOICE_LINK_PATH, "wap?x=<1>");
        assertThatThrownBy(() -> TwilioSettings.from(TestSettings.of(badPath)))
                .hasMessageContaining("SWITCHBOARD_TWILIO_VOICE_LINK_PATH");
    }
}
