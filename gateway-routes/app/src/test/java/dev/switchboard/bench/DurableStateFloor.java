package dev.switchboard.bench;

import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.CustomerDirectory;
import dev.switchboard.hub.domain.CustomerTokens;
import dev.switchboard.hub.domain.Ids;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.testing.HubState;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A floor under the hub's throughput, not a design: the bare servlet plus only the hub's own durable state work for
 * a new customer, through the hub's own state layer (a Hazelcast member's caches in front of the database, as a
 * gateway node has), and nothing else: no Camel, no JSON parsing, no knowledge base, no rendering. Per request what
 * the hub's steps ask of the state for a new visitor, in their order: claim the address for a new customer (his link
 * and record in one transaction), then record the conversation with the question, the answer and the idempotency
 * outcome in one transaction. The hub does all of that and more, so its throughput cannot pass this one's.
 */
final class DurableStateFloor implements AutoCloseable {
    private static final String ANSWER = "Switchboard service points are open Mon-Fri 9:00-20:00 and Sat 10:00-16:00,"
            + " closed on Sundays and public holidays. Our phone line is open Mon-Sat 8:00-22:00.";
    private static final List<String> TOPICS = List.of("Reset password", "Bills and invoices", "Roaming abroad",
            "SMS not arriving");
    private static final CustomerContext CONTEXT = new CustomerContext(null, null, null, null, "en-GB",
            "https://shop.example/help", null, null, null);

    private final Path dataDir;
    private final HubState state;

    private DurableStateFloor(Path dataDir, HubState state) {
        this.dataDir = dataDir;
        this.state = state;
    }

    /** The hub's state on a temporary data directory of its own, deleted on {@link #close}. */
    static DurableStateFloor open() throws IOException {
        Path dataDir = Files.createTempDirectory("switchboard-bench-floor-");
        return new DurableStateFloor(dataDir, HubState.open(dataDir));
    }

    HttpServlet servlet() {
        return servlet(state.member().customerDirectory(), state.member().conversationStore());
    }

    /** The floor's servlet on a state of the caller's (a running gateway's own). */
    static HttpServlet servlet(CustomerDirectory directory, ConversationStore conversations) {
        AtomicLong sequence = new AtomicLong();
        String run = Long.toHexString(System.nanoTime());
        return BareServer.fixedJsonAfter(() -> {
            long n = sequence.getAndIncrement();
            String addressKey = "visitor:floor-" + run + "-" + n;
            String idempotencyKey = "web:" + run + "-" + n;
            Instant now = Instant.now();
            AddressLink proposed = new AddressLink(Ids.next("cu-"), "web-chat", now);
            Customer customer = new Customer(proposed.customerId(), Ids.next("cv-"), now);
            if (!directory.linkNewCustomer(addressKey, proposed, customer).equals(proposed)) {
                throw new IllegalStateException("a new visitor's address is linked already: " + addressKey);
            }
            Conversation opening = Conversation.open(customer.conversationId(), customer.id(), addressKey,
                    CustomerTokens.hash(CustomerTokens.newToken()), now);
            StoredMessage question = new StoredMessage(Ids.next("m-"), "web-chat", Direction.INBOUND, "you",
                    "What are your opening hours?", now, idempotencyKey);
            StoredMessage answer = new StoredMessage(Ids.next("m-"), "web-chat", Direction.OUTBOUND,
                    StoredMessage.HELP_DESK_AUTHOR, ANSWER, now, idempotencyKey);
            conversations.record(customer.conversationId(), opening, List.of(question, answer), CONTEXT,
                    new ConversationStore.KeyedOutcome(idempotencyKey, new RecordedOutcome(customer.conversationId(),
                            RecordedOutcome.StoredReply.of(Reply.answer(ANSWER, Reply.Source.KNOWLEDGE_BASE, TOPICS)))));
        });
    }

    @Override
    public void close() throws IOException {
        state.close();
        TempDirs.deleteRecursively(dataDir);
    }
}
