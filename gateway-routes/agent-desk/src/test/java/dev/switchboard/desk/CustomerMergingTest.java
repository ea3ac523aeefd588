package dev.switchboard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.ThreadPage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerMergingTest {
    private final MovingClock clock = new MovingClock();
    private final InMemoryRecords<Assignment> assignments = new InMemoryRecords<>();
    private final InMemoryConversations store = new InMemoryConversations();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final CustomerMerging merging = new CustomerMerging(customers, customers, store, assignments, clock);
    private final AgentAccount ann = new AgentAccount("ann", "Ann", Role.AGENT, "$2a$04$x", false, Set.of(), Set.of(), 2,
            Instant.EPOCH);

    @BeforeEach
    void threeCustomersWroteFromThreeDevices() {
        customer("k-web", "c-web", "web-chat", "which software?", 10);
        customer("k-sms", "c-sms", "sms", "and the licence?", 20);
        customer("k-tv", "c-tv", "tv", "help on TV", 30);
    }

    private void customer(String customerId, String conversationId, String channel, String text, int second) {
        customers.save(new Customer(customerId, conversationId, Instant.EPOCH));
        store.put(Conversation.open(conversationId, customerId, "x:" + customerId, new byte[32],
                Instant.EPOCH), new StoredMessage("m-" + customerId, channel, Direction.INBOUND, "you", text,
                Instant.EPOCH.plusSeconds(second), "k" + second));
    }

    private List<String> thread(String conversationId) {
        return merging.thread(store.threads.get(conversationId), ThreadPage.newest()).messages().stream()
                .map(StoredMessage::text).toList();
    }

    @Test
    void eachMergedThreadKeepsItsOwnOrderEvenWhenAReplyCarriesAnEarlierTimeThanTheAnswerItReplies() {
        Instant answered = Instant.EPOCH.plusSeconds(25).plusMillis(300);
        store.record("c-sms", null, List.of(
                new StoredMessage("m-a", "sms", Direction.OUTBOUND, "Ann", "print 2 per sheet", answered, "a1"),
                new StoredMessage("m-r", "sms", Direction.INBOUND, "you", "thanks!", answered.minusMillis(300), "r1")), null);
        store.record("c-tv", null, List.of(
                new StoredMessage("m-t", "tv", Direction.INBOUND, "you", "still there?", answered.plusSeconds(10), "t1")),
                null);
        merging.merge(ann, "c-web", "c-sms");
        merging.merge(ann, "c-web", "c-tv");

        assertThat(thread("c-web")).containsExactly("which software?", "and the licence?", "print 2 per sheet",
                "thanks!", "help on TV", "still there?");
    }

    @Test
    void mergedThreadsReadAsOneByTimeAndUndoLeavesEachAsItWas() {
        merging.merge(ann, "c-web", "c-sms");
        merging.merge(ann, "c-sms", "c-tv");

        assertThat(thread("c-web")).containsExactly("which software?", "and the licence?", "help on TV");
        assertThat(customers.primaryOf("k-tv")).as("a chain ends at the first kept customer").isEqualTo("k-web");
        assertThat(merging.mergedInto(store.threads.get("c-web")))
                .extracting(CustomerMerging.MergedCustomer::conversationId).containsExactly("c-sms");

        merging.undo("c-web", "c-sms");

        assertThat(thread("c-web")).containsExactly("which software?");
        assertThat(thread("c-sms")).as("the later merge stands").containsExactly("and the licence?", "help on TV");
        assertThat(store.messages("c-sms")).hasSize(1);
    }

    @Test
    void aMergeWithinOneGroupAnAlreadyMergedCustomerOrSomeoneElsesConversationIsRefused() {
        merging.merge(ann, "c-web", "c-sms");

        assertThatThrownBy(() -> merging.merge(ann, "c-sms", "c-web")).hasMessageContaining("one customer's already");
        assertThatThrownBy(() -> merging.merge(ann, "c-tv", "c-sms")).hasMessageContaining("undo that merge first");
        assignments.put("c-tv", Assignment.queued("c-tv", "k-tv", "general", null, Instant.EPOCH, null, null, List.of())
                .ownedBy("bob", "Bob"));
        assertThatThrownBy(() -> merging.merge(ann, "c-web", "c-tv")).hasMessageContaining("is with Bob");
        assertThatThrownBy(() -> merging.undo("c-tv", "c-sms")).hasMessageContaining("is not merged into");
        assertThatThrownBy(() -> merging.merge(ann, "c-web", "c-nope")).hasMessageContaining("no conversation c-nope");
    }
}
