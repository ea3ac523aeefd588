package dev.switchboard.state;

import com.hazelcast.map.IMap;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.ThreadPage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Conversation threads in the database, their headers cached in the cluster's memory. Appending is one transaction
 * that locks the header's row, inserts the new message rows and updates the header: its cost does not depend on the
 * thread's length, and every node appends to one thread in turn. The cache takes the header the transaction
 * committed, and one read from the database when it was not in memory (never asked for, or evicted); the newer
 * revision wins when both race.
 */
final class StoredConversations implements ConversationStore {
    private final DataSource dataSource;
    private final ConversationTables tables;
    private final IdempotencyTable outcomes;
    private final IMap<String, CachedHeader> headers;
    private final IMap<String, RecordedOutcome> cachedOutcomes;

    StoredConversations(DataSource dataSource, ConversationTables tables, IdempotencyTable outcomes,
                        IMap<String, CachedHeader> headers, IMap<String, RecordedOutcome> cachedOutcomes) {
        this.dataSource = dataSource;
        this.tables = tables;
        this.outcomes = outcomes;
        this.headers = headers;
        this.cachedOutcomes = cachedOutcomes;
    }

    /** What one transaction committed: the header, and whether the outcome given was the first of its key. */
    private record Committed(CachedHeader header, boolean outcomeInserted) {
    }

    @Override
    public Optional<Conversation> get(String conversationId) {
        CachedHeader cached = headers.get(conversationId);
        if (cached == null) {
            cached = Transactions.read(dataSource, "read conversation " + conversationId,
                    connection -> tables.header(connection, conversationId, false));
            if (cached == null) {
                return Optional.empty();
            }
            headers.executeOnKey(conversationId, new CachedHeader.KeepNewer(cached));
        }
        return Optional.of(cached.header());
    }

    @Override
    public void record(String conversationId, Conversation opening, List<StoredMessage> messages,
                       CustomerContext context, KeyedOutcome outcome) {
        Committed committed = Transactions.run(dataSource, "record messages of conversation " + conversationId,
                connection -> {
                    CachedHeader header = append(connection, conversationId, opening, messages, context);
                    boolean inserted = outcome != null
                            && outcomes.insertOnce(connection, outcome.scopedKey(), outcome.outcome());
                    return new Committed(header, inserted);
                });
        CachedHeader header = committed.header();
        if (header.revision() == 1) {
            // A new thread: no older header can be in memory, and a miss reads the database.
            CacheFill.inBackground(headers.submitToKey(conversationId, new CachedHeader.KeepNewer(header)),
                    "conversation " + conversationId);
        } else {
            headers.executeOnKey(conversationId, new CachedHeader.KeepNewer(header));
        }
        if (committed.outcomeInserted()) {
            // Written already: into the cache without its store, for as long as the map keeps outcomes.
            cachedOutcomes.putTransient(outcome.scopedKey(), outcome.outcome(), -1, TimeUnit.SECONDS);
        }
    }

    /** Appends the messages the thread lacks and updates the header, under the header row's lock. */
    private CachedHeader append(Connection connection, String conversationId, Conversation opening,
                                List<StoredMessage> messages, CustomerContext context) throws SQLException {
        CachedHeader before = tables.header(connection, conversationId, true);
        if (before == null && opening == null) {
            throw new IllegalStateException("conversation " + conversationId + " is not stored");
        }
        List<StoredMessage> added = before == null ? distinct(messages, Set.of())
                : distinct(messages, messages.isEmpty() ? Set.of()
                        : tables.interactionsHeld(connection, conversationId, messages));
        Conversation start = before == null ? opening : before.header();
        Conversation after = start.after(added, context);
        if (!added.isEmpty()) {
            tables.insertMessages(connection, conversationId, start.messageCount(), added);
        }
        if (before == null) {
            tables.insertHeader(connection, after, 1);
            return new CachedHeader(after, 1);
        }
        if (after == before.header()) {
            return before;
        }
        CachedHeader changed = new CachedHeader(after, before.revision() + 1);
        tables.updateHeader(connection, after, changed.revision());
        return changed;
    }

    /** The messages not held yet, each interaction's question and answer once. */
    private static List<StoredMessage> distinct(List<StoredMessage> messages, Set<String> held) {
        Set<String> seen = new HashSet<>(held);
        List<StoredMessage> added = new ArrayList<>(messages.size());
        for (StoredMessage m : messages) {
            if (seen.add(ConversationTables.interaction(m.direction(), m.idempotencyKey()))) {
                added.add(m);
            }
        }
        return added;
    }

    @Override
    public void recordDelivery(String conversationId, String messageId, DeliveryStatus status, String detail) {
        Transactions.run(dataSource, "record the delivery of message " + messageId, connection -> {
            Optional<StoredMessage> message = tables.message(connection, conversationId, messageId, true);
            if (message.isPresent()) {
                StoredMessage updated = message.get().withDelivery(status, detail);
                if (updated != message.get()) {
                    tables.updateDelivery(connection, conversationId, messageId, updated);
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Conversation> markRead(String conversationId, Conversation.Reader reader, String messageId) {
        CachedHeader changed = Transactions.run(dataSource, "mark conversation " + conversationId + " read",
                connection -> {
                    Optional<StoredMessage> message = tables.message(connection, conversationId, messageId, false);
                    CachedHeader before = message.isEmpty() ? null : tables.header(connection, conversationId, true);
                    if (before == null) {
                        return null;
                    }
                    Conversation after = before.header().readBy(reader, message.get().at());
                    if (after == before.header()) {
                        return null;
                    }
                    CachedHeader header = new CachedHeader(after, before.revision() + 1);
                    tables.updateHeader(connection, after, header.revision());
                    return header;
                });
        if (changed == null) {
            return Optional.empty();
        }
        headers.executeOnKey(conversationId, new CachedHeader.KeepNewer(changed));
        return Optional.of(changed.header());
    }

    @Override
    public Optional<StoredMessage> find(String conversationId, Direction direction, String idempotencyKey) {
        return Transactions.read(dataSource, "read conversation " + conversationId,
                connection -> tables.message(connection, conversationId, direction, idempotencyKey));
    }

    @Override
    public MessagePage page(String conversationId, ThreadPage page) {
        List<ConversationTables.Numbered> newestFirst = Transactions.read(dataSource,
                "read conversation " + conversationId,
                connection -> tables.newestBefore(connection, conversationId, page.beforePosition(), page.limit()));
        if (newestFirst.isEmpty()) {
            return MessagePage.EMPTY;
        }
        List<StoredMessage> oldestFirst = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            oldestFirst.add(newestFirst.get(i).message());
        }
        int oldest = newestFirst.get(newestFirst.size() - 1).seq();
        return new MessagePage(oldestFirst, oldest == 0 ? null : ThreadPage.cursorBefore(oldest));
    }
}
