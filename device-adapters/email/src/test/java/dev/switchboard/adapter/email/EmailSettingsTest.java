package dev.switchboard.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.AdapterHealth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without settings the channel is off and says so; half the settings stop the start and name what is missing. */
class EmailSettingsTest {

    @Test
    void withoutSettingsTheChannelIsOffAndHealthSaysSo() throws Exception {
        EmailAdapter adapter = new EmailAdapter();

        StandInGateway gateway = StandInGateway.builder().start(adapter);

        assertThat(adapter.health().status()).isEqualTo(AdapterHealth.Status.OFF);
        assertThat(adapter.health().detail()).contains("SWITCHBOARD_EMAIL_IMAP_HOST", "SWITCHBOARD_EMAIL_ADDRESS");
        assertThat(gateway.senders()).isEmpty();
        assertThat(gateway.noticeMailer()).isEmpty();
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
