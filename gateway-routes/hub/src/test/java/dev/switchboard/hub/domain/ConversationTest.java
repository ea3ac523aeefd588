package dev.switchboard.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static StoredMessage message(Direction direction, String key, String text) {
        return new StoredMessage(Ids.next("m-"), "sms", direction, "you", text, NOW, key);
    }

    @Test
    void theHeaderCountsWhatWasAppendedAndRemembersWhereTheCustomerWroteLast() {
        Conversation opened = Conversation.open("cv-1", "cu-1", "e164:+447700900123", new byte[32], NOW);
        StoredMessage later = new StoredMessage("m-9", "web-chat", Direction.INBOUND, "you", "from the web",
                NOW.plusSeconds(60), "k3");

        Conversation header = opened
                .after(List.of(message(Direction.INBOUND, "k1", "hello"), message(Direction.OUTBOUND, "k1", "hi")), null)
                .after(List.of(later, message(Direction.OUTBOUND, "k3", "answer")), null);

        assertThat(header.messageCount()).isEqualTo(4);
        assertThat(header.channelsHeard()).containsExactlyInAnyOrder("sms", "web-chat");
        assertThat(header.lastHeard()).isEqualTo("web-chat");
        assertThat(header.lastHeardAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(header.lastActivity()).isEqualTo(NOW.plusSeconds(60));
        assertThat(opened.isEmpty()).isTrue();
        assertThat(opened.after(List.of(), null)).isSameAs(opened);
    }

    @Test
    void newerContextReplacesOnlyWhatItKnows() {
        CustomerContext first = new CustomerContext(52.23, 21.01, 10.0, "gps", "pl-PL", null, null, null, "wifi");
        CustomerContext later = new CustomerContext(null, null, null, null, null, "https://shop.example/", null, null, null);

        CustomerContext merged = first.updatedWith(later);

        assertThat(merged.latitude()).isEqualTo(52.23);
        assertThat(merged.locale()).isEqualTo("pl-PL");
        assertThat(merged.pageUrl()).isEqualTo("https://shop.example/");
        assertThat(merged.network()).isEqualTo("wifi");
    }

    @Test
    void aRegionToldWithoutALocationReplacesTheRegionAndKeepsTheLocation() {
        CustomerContext located = new CustomerContext(52.23, 21.01, 10.0, "gps", null, null, null, null, null)
                .withPlace("Warsaw", "Mazovia");
        CustomerContext tvBox = new CustomerContext(null, null, null, null, null, null, "dvb://233a.1004.1044",
                "Evening News", null).withPlace(null, "London");
        CustomerContext silent = new CustomerContext(null, null, null, null, "pl-PL", null, null, null, null);

        CustomerContext merged = located.updatedWith(tvBox);

        assertThat(merged.region()).isEqualTo("London");
        assertThat(merged.latitude()).isEqualTo(52.23);
        assertThat(merged.updatedWith(silent).region()).as("a device that tells no region keeps it").isEqualTo("London");
    }

    @Test
    void anUnchangedContextLeavesTheSameThread() {
        Conversation thread = Conversation.open("cv-1", "cu-1", "e164:+447700900123", new byte[32], NOW);

        assertThat(thread.withContext(CustomerContext.NONE)).isSameAs(thread);
    }
}
