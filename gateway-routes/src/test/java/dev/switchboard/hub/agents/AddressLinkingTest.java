package dev.switchboard.hub.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.ResolveCustomer;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.EmailAddress;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AddressLinkingTest {
    private final MovingClock clock = new MovingClock();
    private final InMemoryConversations store = new InMemoryConversations();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final AddressLinking linking = new AddressLinking(customers, store, clock);
    private final ResolveCustomer resolve = new ResolveCustomer(customers, store, customers, clock);

    @BeforeEach
    void aWebVisitorWrote() {
        customers.save(new Customer("k-web", "c-web", Instant.EPOCH));
        store.threads.put("c-web", Conversation.open("c-web", "k-web", "visitor:v-1", new byte[32], Instant.EPOCH));
    }

    @Test
    void theCustomersLaterContactsFromALinkedAddressJoinHisThread() {
        AddressLinking.Linked phone = linking.link("c-web", "sms", " +447700900123 ");
        linking.link("c-web", "email", "jo@Example.COM");

        assertThat(phone.address()).isEqualTo("e164:+447700900123");
        assertThat(phone.link().customerId()).isEqualTo("k-web");
        assertThat(phone.link().source()).isEqualTo("sms");
        for (CustomerAddress address : new CustomerAddress[] {new E164Number("+447700900123"), new EmailAddress("jo@example.com")}) {
            assertThat(resolve.resolve(address, "voice", null).conversation().id()).as(address.key()).isEqualTo("c-web");
        }
    }

    @Test
    void linkingAnAddressThatIsHisAlreadyChangesNothing() {
        AddressLinking.Linked first = linking.link("c-web", "sms", "+447700900123");
        AddressLinking.Linked again = linking.link("c-web", "voice", "+447700900123");

        assertThat(again.link()).isEqualTo(first.link());
    }

    @Test
    void anotherCustomersAddressIsRefusedAndStaysHis() {
        String othersConversation = resolve.resolve(new E164Number("+447700900999"), "sms", null).conversation().id();

        assertThatThrownBy(() -> linking.link("c-web", "sms", "+447700900999"))
                .isInstanceOfSatisfying(AgentDeskException.class, e -> assertThat(e.kind())
                        .isEqualTo(AgentDeskException.Kind.CONFLICT))
                .hasMessageContaining("another customer's address").hasMessageContaining("merge");
        assertThat(resolve.resolve(new E164Number("+447700900999"), "sms", null).conversation().id())
                .isEqualTo(othersConversation);
    }

    @Test
    void aBadAddressOrChannelIsRefusedWithTheReason() {
        assertThatThrownBy(() -> linking.link("c-web", "sms", "07700 900123"))
                .isInstanceOfSatisfying(AgentDeskException.class, e -> assertThat(e.kind())
                        .isEqualTo(AgentDeskException.Kind.INVALID));
        assertThatThrownBy(() -> linking.link("c-web", "E Mail", "jo@example.com"))
                .isInstanceOfSatisfying(AgentDeskException.class, e -> assertThat(e.kind())
                        .isEqualTo(AgentDeskException.Kind.INVALID));
        assertThatThrownBy(() -> linking.link("c-web", "email", " "))
                .hasMessageContaining("phone number in E.164");
        assertThatThrownBy(() -> linking.link("c-none", "email", "jo@example.com"))
                .isInstanceOfSatisfying(AgentDeskException.class, e -> assertThat(e.kind())
                        .isEqualTo(AgentDeskException.Kind.NOT_FOUND));
        assertThat(customers.linkOf("email:jo@example.com")).isEmpty();
    }
}
