package dev.switchboard.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static StoredMessage message(Direction direction, String key, String text) {
        return new StoredMessage(Ids.next("m-"), "sms", direction, "you", text, NOW, key);
    }

    @Test
    void oneInteractionLeavesAtMostOneQuestionAndOneAnswer() {
        Conversation thread = Conversation.open("cv-1", "cu-1", "e164:+447700900123", new byte[32], NOW)
                .with(message(Direction.INBOUND, "k1", "hello"))
                .with(message(Direction.INBOUND, "k1", "hello again, retried"))
                .with(message(Direction.OUTBOUND, "k1", "hi"))
                .with(message(Direction.OUTBOUND, "k1", "hi, twice"))
                .with(message(Direction.INBOUND, "k2", "next question"));

        assertThat(thread.messages()).extracting(StoredMessage::text).containsExactly("hello", "hi", "next question");
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
