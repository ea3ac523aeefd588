package dev.switchboard.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.AdapterHealth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without settings the channel is off and says so; half the settings stop the start and name what is missing. */
class EmailSettingsTest {

    @Test
    void withoutSettingsTheChannelIsOffAndHealthSaysSo() {
        EmailAdapter adapter = new EmailAdapter();
        TestContext context = new TestContext(new RecordingHelpDesk(), Map.of());

        adapter.start(context);

        assertThat(adapter.health().status()).isEqualTo(AdapterHealth.Status.OFF);
        assertThat(adapter.health().detail()).contains("SWITCHBOARD_EMAIL_IMAP_HOST", "SWITCHBOARD_EMAIL_ADDRESS");
        assertThat(context.senders).isEmpty();
        assertThat(context.noticeMailer).isNull();
    }

    @Test
    void halfTheSettingsNameTheMissingOnes() {
        Map<String, String> values = new HashMap<>();
        values.put(EmailSettings.IMAP_HOST, "imap.example.com");

        assertThatThrownBy(() -> EmailSettings.from(key -> Optional.ofNullable(values.get(key))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SWITCHBOARD_EMAIL_SMTP_HOST").hasMessageContaining("SWITCHBOARD_EMAIL_ADDRESS");
    }

    @Test
    void aMalformedDeskAddressIsNamed() {
        try (MailServer server = new MailServer()) {
            Map<String, String> values = server.settings(EmailSettings.ADDRESS, "help desk");

            assertThatThrownBy(() -> EmailSettings.from(key -> Optional.ofNullable(values.get(key))))
                    .hasMessageContaining("SWITCHBOARD_EMAIL_ADDRESS");
        }
    }

    @Test
    void thePasswordsNeverShowInTheSettingsText() {
        try (MailServer server = new MailServer()) {
            Map<String, String> values = server.settings();

            EmailSettings settings = EmailSettings.from(key -> Optional.ofNullable(values.get(key))).orElseThrow();

            assertThat(settings.toString()).doesNotContain(MailServer.DESK_PASSWORD);
        }
    }
}
