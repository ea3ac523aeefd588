package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the journal gets when a long SMS thread grows: the new messages and the receipts that came, not the thread. */
class ConversationChangeTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static Conversation threadOf(int answers) {
        List<StoredMessage> messages = new ArrayList<>();
        for (int i = 0; i < answers; i++) {
            messages.add(new StoredMessage("q-" + i, "sms", Direction.INBOUND, "you", "question " + i, AT, "k-" + i));
            messages.add(new StoredMessage("a-" + i, "sms", Direction.OUTBOUND, "help desk", "answer " + i, AT, "k-" + i,
                    DeliveryStatus.DELIVERED, null));
        }
        return new Conversation("cv-1", "cu-1", "e164:+48600100200", new byte[32], AT, null, messages);
    }

    @Test
    void aFirstChangeCarriesTheWholeThread() {
        ConversationMapStore.Change change = ConversationMapStore.change(threadOf(3), null);

        assertThat(change.firstSeq()).isZero();
        assertThat(change.conversation().messages()).hasSize(6);
        assertThat(change.contextUnchanged()).as("the header is written").isFalse();
    }

    @Test
    void anAppendCarriesOnlyTheNewMessagesNotTheEarlierReceipts() {
        Conversation before = threadOf(500);
        Conversation after = before.with(List.of(
                new StoredMessage("q-new", "sms", Direction.INBOUND, "you", "one more", AT, "k-new"),
                new StoredMessage("a-new", "sms", Direction.OUTBOUND, "help desk", "sure", AT, "k-new")));

        ConversationMapStore.Change change = ConversationMapStore.change(after, ConversationMapStore.Journaled.of(before));

        assertThat(change.firstSeq()).isEqualTo(1000);
        assertThat(change.conversation().messages()).extracting(StoredMessage::id).containsExactly("q-new", "a-new");
        assertThat(change.deliveries()).isEmpty();
        assertThat(change.contextUnchanged()).isTrue();
    }

    @Test
    void aNewContextIsWrittenWithTheChange() {
        Conversation before = threadOf(1);
        Conversation after = before.withContext(new CustomerContext(null, null, null, null, "pl-PL", null, null, null,
                null));

        assertThat(ConversationMapStore.change(after, ConversationMapStore.Journaled.of(before)).contextUnchanged()).isFalse();
    }

    @Test
    void aReceiptForAnEarlierMessageCarriesJustThatStatus() {
        Conversation before = threadOf(2).with(
                new StoredMessage("a-late", "sms", Direction.OUTBOUND, "help desk", "later", AT, "k-late",
                        DeliveryStatus.SENT, null));
        Conversation after = before.withDelivery("a-late", DeliveryStatus.FAILED, "0x0000000B");

        ConversationMapStore.Change change = ConversationMapStore.change(after, ConversationMapStore.Journaled.of(before));

        assertThat(change.conversation().messages()).isEmpty();
        assertThat(change.deliveries()).containsExactly(
                new ConversationMapStore.Delivery(4, DeliveryStatus.FAILED, "0x0000000B"));
    }
}
