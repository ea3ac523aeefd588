package dev.switchboard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.IdentifiedCustomer;
import dev.switchboard.hub.domain.ResolveCustomer;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.ThreadPage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AddressLinkingTest {
    private static final E164Number PHONE = new E164Number("+447700900123");
    private final MovingClock clock = new MovingClock();
    private final InMemoryRecords<Assignment> assignments = new InMemoryRecords<>();
    private final InMemoryConversations store = new InMemoryConversations();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final CustomerMerging merging = new CustomerMerging(customers, customers, store, assignments, clock);
    private final AddressLinking linking = new AddressLinking(customers, customers, store, merging, clock);
    private final ResolveCustomer resolve = new ResolveCustomer(customers, store, customers, clock);
    private final AgentAccount ann = new AgentAccount("ann", "Ann", Role.AGENT, "$2a$04$x", false, Set.of(), Set.of(), 2,
            Instant.EPOCH);

    @BeforeEach
    void aWebVisitorWrote() {
        customers.save(new Customer("k-web", "c-web", Instant.EPOCH));
        store.put(Conversation.open("c-web", "k-web", "visitor:v-1", new byte[32], Instant.EPOCH), new StoredMessage("m-1", "web-chat", Direction.INBOUND, "you", "which software?", Instant.EPOCH, "k1"));
    }

    /** The customer writes from {@code address}: his message is stored in the thread the hub finds for it. */
    private IdentifiedCustomer writes(CustomerAddress address, String channel, String text) {
        IdentifiedCustomer found = resolve.resolve(address, channel, null);
        store.record(found.conversation().id(), found.conversation(), List.of(new StoredMessage("m-" + text, channel,
                Direction.INBOUND, "you", text, clock.instant(), "k-" + text)), null);
        return found;
    }

    private List<String> agentsThread() {
        return merging.thread(store.threads.get("c-web"), ThreadPage.newest()).messages().stream().map(StoredMessage::text).toList();
    }

    @Test
    void theCustomersLaterContactsFromALinkedAddressAreRoutedWithHisConversationAndAgentsSeeOneThread() {
        AddressLinking.Linked phone = linking.link(ann, "c-web", "sms", " +447700900123 ");
        linking.link(ann, "c-web", "email", "jo@Example.COM");

        assertThat(phone.address()).isEqualTo("e164:+447700900123");
        assertThat(phone.link().source()).isEqualTo("sms");
        clock.advance(java.time.Duration.ofMinutes(1));
        IdentifiedCustomer call = writes(PHONE, "voice", "a call");
        clock.advance(java.time.Duration.ofMinutes(1));
        IdentifiedCustomer mail = writes(new EmailAddress("jo@example.com"), "email", "thanks");

        assertThat(call.routingConversationId()).isEqualTo("c-web");
        assertThat(mail.routingConversationId()).isEqualTo("c-web");
        assertThat(call.conversation().id()).isEqualTo(phone.addressConversationId());
        assertThat(agentsThread()).containsExactly("which software?", "a call", "thanks");
        assertThat(store.messages("c-web")).as("the web visitor's own thread, which his token reads")
                .extracting(StoredMessage::text).containsExactly("which software?");
    }

    @Test
    void undoingTheMergeUndoesTheLink() {
        AddressLinking.Linked phone = linking.link(ann, "c-web", "sms", "+447700900123");

        merging.undo("c-web", phone.addressConversationId());

        assertThat(writes(PHONE, "sms", "hello").routingConversationId()).isEqualTo(phone.addressConversationId());
        assertThat(agentsThread()).containsExactly("which software?");
    }

    @Test
    void linkingAnAddressThatIsHisAlreadyChangesNothing() {
        AddressLinking.Linked first = linking.link(ann, "c-web", "sms", "+447700900123");
        AddressLinking.Linked again = linking.link(ann, "c-web", "voice", "+447700900123");

        assertThat(again).isEqualTo(first);
        assertThat(customers.into("k-web")).hasSize(1);
    }

    @Test
    void anAddressSomebodyWroteFromIsRefusedAndStaysHis() {
        String othersConversation = writes(new E164Number("+447700900999"), "sms", "my parcel?").conversation().id();

        assertThatThrownBy(() -> linking.link(ann, "c-web", "sms", "+447700900999"))
                .isInstanceOfSatisfying(AgentDeskException.class, e -> assertThat(e.kind())
                        .isEqualTo(AgentDeskException.Kind.CONFLICT))
                .hasMessageContaining("another customer's address").hasMessageContaining("merge");
        assertThat(writes(new E164Number("+447700900999"), "sms", "hello?").routingConversationId())
                .isEqualTo(othersConversation);
        assertThat(agentsThread()).containsExactly("which software?");
    }

    @Test
    void anAddressAnotherAgentLinkedToAnotherCustomerIsRefused() {
        customers.save(new Customer("k-other", "c-other", Instant.EPOCH));
        store.put(Conversation.open("c-other", "k-other", "visitor:v-2", new byte[32], Instant.EPOCH));
        linking.link(ann, "c-other", "sms", "+447700900123");

        assertThatThrownBy(() -> linking.link(ann, "c-web", "sms", "+447700900123"))
                .isInstanceOfSatisfying(AgentDeskException.class, e -> assertThat(e.kind())
                        .isEqualTo(AgentDeskException.Kind.CONFLICT));
        assertThat(writes(PHONE, "sms", "hi").routingConversationId()).isEqualTo("c-other");
    }

    @Test
    void aBadAddressOrChannelIsRefusedWithTheReason() {
        assertThatThrownBy(() -> linking.link(ann, "c-web", "sms", "07700 900123"))
                .isInstanceOfSatisfying(AgentDeskException.class, e -> assertThat(e.kind())
                        .isEqualTo(AgentDeskException.Kind.INVALID));
        assertThatThrownBy(() -> linking.link(ann, "c-web", "E Mail", "jo@example.com"))
                .isInstanceOfSatisfying(AgentDeskException.class, e -> assertThat(e.kind())
                        .isEqualTo(AgentDeskException.Kind.INVALID));
        assertThatThrownBy(() -> linking.link(ann, "c-web", "email", " "))
                .hasMessageContaining("phone number in E.164");
        assertThatThrownBy(() -> linking.link(ann, "c-none", "email", "jo@example.com"))
                .isInstanceOfSatisfying(AgentDeskException.class, e -> assertThat(e.kind())
                        .isEqualTo(AgentDeskException.Kind.NOT_FOUND));
        assertThat(customers.linkOf("email:jo@example.com")).isEmpty();
    }
}
