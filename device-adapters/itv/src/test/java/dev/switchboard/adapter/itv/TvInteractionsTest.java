package dev.switchboard.adapter.itv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.SetTopId;
import dev.switchboard.spi.TvContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TvInteractionsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
    private final TvInteractions interactions = new TvInteractions(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTvMessageComesFromTheSetTopBoxOnTheTvChannelForTheHbbtvProfile() {
        TvContext tv = new TvContext("dvb://233a.1004.1044", "Evening News", "London");

        Interaction interaction = interactions.of(
                new TvRequest(new SetTopId("stb-1234abcd"), "TV subtitles", tv, "key-1"), "HbbTV/1.5.1");

        assertThat(interaction.channel()).isEqualTo(Channel.TV);
        assertThat(interaction.profile()).isEqualTo(DeviceProfile.HBBTV);
        assertThat(interaction.address()).isEqualTo(new SetTopId("stb-1234abcd"));
        assertThat(interaction.context().tv()).isEqualTo(tv);
        assertThat(interaction.context().userAgent()).isEqualTo("HbbTV/1.5.1");
        assertThat(interaction.idempotencyKey()).isEqualTo("key-1");
        assertThat(interaction.repeatable()).isTrue();
        assertThat(interaction.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void withoutAKeyFromTheBoxTheMessageCannotBeRepeated() {
        Interaction interaction = interactions.of(new TvRequest(new SetTopId("stb-1234abcd"), "", null, null), null);

        assertThat(interaction.repeatable()).isFalse();
        assertThat(interaction.context().tv()).isNull();
        assertThat(interaction.context().userAgent()).isNull();
    }
}
