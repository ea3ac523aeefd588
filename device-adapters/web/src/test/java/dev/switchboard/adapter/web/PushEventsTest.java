package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ThreadMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PushEventsTest {

    @Test
    void aMessageIsOneEventWhoseDataStaysOnOneLineWhateverTheTextHolds() {
        ThreadMessage message = new ThreadMessage("m-1", Channel.MOBILE_APP, ThreadMessage.Direction.OUTBOUND, "Ann",
                "Line one\n\ndata: forged\r\nid: m-9 \"quoted\" <b>", Instant.parse("2026-11-23T10:00:00Z"));

        String event = new String(PushEvents.message(message), StandardCharsets.UTF_8);

        assertThat(event).startsWith("id: m-1\nevent: message\ndata: {").endsWith("}\n\n");
        assertThat(event.split("\n")).hasSize(3).noneMatch(line -> line.startsWith("data: forged"));
        assertThat(event).contains("\"text\":\"Line one\\n\\ndata: forged\\r\\nid: m-9 \\\"quoted\\\" <b>\"",
                "\"author\":\"Ann\"", "\"channel\":\"mobile-app\"", "\"direction\":\"outbound\"",
                "\"at\":\"2026-11-23T10:00:00Z\"");
    }

    @Test
    void theCursorOfOlderMessagesIsAnEventWithoutAnIdSoTheAppResumesAfterMessagesOnly() {
        assertThat(new String(PushEvents.older("40"), StandardCharsets.UTF_8))
                .isEqualTo("event: older\ndata: {\"olderCursor\":\"40\"}\n\n");
    }

    @Test
    void aHeartbeatIsACommentTheAppIgnores() {
        assertThat(new String(PushEvents.heartbeat(), StandardCharsets.UTF_8)).startsWith(":").endsWith("\n\n");
    }
}
