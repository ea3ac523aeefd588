package dev.switchboard.hub.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Conversation threads in tables {@code conversations} and {@code messages}. Messages are only ever
 * appended, so a change carries the header and the messages not journaled yet.
 */
final class ConversationMapStore extends JdbcMapStore<Conversation> {
    private static final HexFormat HEX = HexFormat.of();
    private final ObjectMapper json;
    /** How many messages of each conversation this node has journaled: the next change starts there. */
    private final Map<String, Integer> journaledMessages = new ConcurrentHashMap<>();

    ConversationMapStore(DataSource dataSource, GroupCommit writes, ObjectMapper json) {
        super(dataSource, writes);
        this.json = json;
    }

    /**
     * A change of a conversation: its header and context, and the messages from {@code firstSeq} on (those
     * not journaled before), so that a long thread's every append does not write it whole.
     */
    record Change(int firstSeq, Conversation conversation) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    String keysQuery() {
        return "SELECT id FROM conversations";
    }

    @Override
    JournaledWrite journaled(String id, Conversation conversation) {
        List<StoredMessage> messages = conversation.messages();
        int firstSeq = Math.min(journaledMessages.getOrDefault(id, 0), messages.size());
        Change change = new Change(firstSeq, new Conversation(conversation.id(), conversation.customerId(),
                conversation.openedFrom(), conversation.tokenHash(), conversation.startedAt(), conversation.context(),
                List.copyOf(messages.subList(firstSeq, messages.size()))));
        journaledMessages.put(id, messages.size());
        return new JournaledWrite(serialize(change), connection -> write(connection, id, change));
    }

    @Override
    public void replay(Connection connection, String id, byte[] body) throws SQLException {
        write(connection, id, (Change) deserialize(body));
    }

    @Override
    void write(Connection connection, String id, Conversation conversation) throws SQLException {
        write(connection, id, new Change(0, conversation));
    }

    /** Upserts the header and inserts the change's messages that the database does not have yet. */
    private void write(Connection connection, String id, Change change) throws SQLException {
        Conversation conversation = change.conversation();
        String context = toJson(conversation.context());
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE conversations SET context_json = ? WHERE id = ?")) {
            update.setString(1, context);
            update.setString(2, id);
            if (update.executeUpdate() == 0) {
                insertHeader(connection, id, conversation, context);
            }
        }
        List<StoredMessage> messages = conversation.messages();
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO messages (conversation_id, seq, id, channel, direction, author, body, sent_at, idempotency_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < messages.size(); i++) {
                StoredMessage m = messages.get(i);
                insert.setString(1, id);
                insert.setInt(2, change.firstSeq() + i);
                insert.setString(3, m.id());
                insert.setString(4, m.channel());
                insert.setString(5, m.direction().name());
                insert.setString(6, m.author());
                insert.setString(7, m.text());
                SqlTimes.set(insert, 8, m.at());
                insert.setString(9, m.idempotencyKey());
                insertOnce(insert);
            }
        }
    }

    private static void insertHeader(Connection connection, String id, Conversation c, String context) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO conversations (id, customer_id, opened_from, token_hash, started_at, context_json)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, c.customerId());
            insert.setString(3, c.openedFrom());
            insert.setString(4, HEX.formatHex(c.tokenHash()));
            SqlTimes.set(insert, 5, c.startedAt());
            insert.setString(6, context);
            insert.executeUpdate();
        }
    }

    @Override
    Conversation read(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT customer_id, opened_from, token_hash, started_at, context_json FROM conversations WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Conversation(id, row.getString("customer_id"), row.getString("opened_from"),
                        HEX.parseHex(row.getString("token_hash")), SqlTimes.get(row, "started_at"),
                        fromJson(row.getString("context_json")), readMessages(connection, id));
            }
        }
    }

    private static List<StoredMessage> readMessages(Connection connection, String id) throws SQLException {
        List<StoredMessage> messages = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, channel, direction, author, body, sent_at, idempotency_key FROM messages"
                        + " WHERE conversation_id = ? ORDER BY seq")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    messages.add(new StoredMessage(row.getString("id"), row.getString("channel"),
                            Direction.valueOf(row.getString("direction")), row.getString("author"),
                            row.getString("body"), SqlTimes.get(row, "sent_at"), row.getString("idempotency_key")));
                }
            }
        }
        return messages;
    }

    private String toJson(CustomerContext context) {
        try {
            return json.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("customer context cannot be written as JSON", e);
        }
    }

    private CustomerContext fromJson(String text) {
        try {
            return text == null ? CustomerContext.NONE : json.readValue(text, CustomerContext.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored customer context is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
