package dev.switchboard.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelCountTest {

    private static StoredMessage on(String channel, Direction direction) {
        return new StoredMessage("m-" + channel + direction, channel, direction, "you", "text", Instant.EPOCH, null);
    }

    @Test
    void countsEveryMessageOfEachChannelBothWaysLabelledAsTheToolbarShowsThem() {
        List<StoredMessage> thread = List.of(on("web-chat", Direction.INBOUND), on("web-chat", Direction.OUTBOUND),
                on("voice", Direction.INBOUND), on("email", Direction.OUTBOUND), on("email", Direction.INBOUND),
                on("sms", Direction.INBOUND), on("sms", Direction.OUTBOUND));

        assertThat(ChannelCount.of(thread)).containsExactly(
                new ChannelCount("email", "EMAIL", 2),
                new ChannelCount("sms", "SMS", 2),
                new ChannelCount("voice", "VOICE", 1),
                new ChannelCount("web-chat", "WEB CHAT", 2));
    }

    @Test
    void anEmptyThreadCountsNothing() {
        assertThat(ChannelCount.of(List.of())).isEmpty();
    }
}
