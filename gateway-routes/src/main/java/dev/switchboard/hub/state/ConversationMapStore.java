package dev.switchboard.hub.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * Conversation threads in tables {@code conversations} and {@code messages}. Messages are only ever
 * appended, so a store writes the header and the messages the database does not have yet.
 */
final class ConversationMapStore extends JdbcMapStore<Conversation> {
    private static final HexFormat HEX = HexFormat.of();
    private final ObjectMapper json;

    ConversationMapStore(DataSource dataSource, GroupCommit writes, ObjectMapper json) {
        super(dataSource, writes);
        this.json = json;
    }

    @Override
    void write(Connection connection, String id, Conversation conversation) throws SQLException {
        String context = toJson(conversation.context());
        int stored;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE conversations SET context_json = ? WHERE id = ?")) {
            update.setString(1, context);
            update.setString(2, id);
            if (update.executeUpdate() == 0) {
                insertHeader(connection, id, conversation, context);
                stored = 0;
            } else {
                stored = storedMessageCount(connection, id);
            }
        }
        List<StoredMessage> messages = conversation.messages();
        updateDeliveries(connection, id, messages.subList(0, Math.min(stored, messages.size())));
        if (stored >= messages.size()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO messages (conversation_id, seq, id, channel, direction, author, body, sent_at, idempotency_key,"
                        + " delivery_status, delivery_detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int seq = stored; seq < messages.size(); seq++) {
                StoredMessage m = messages.get(seq);
                insert.setString(1, id);
                insert.setInt(2, seq);
                insert.setString(3, m.id());
                insert.setString(4, m.channel());
                insert.setString(5, m.direction().name());
                insert.setString(6, m.author());
                insert.setString(7, m.text());
                SqlTimes.set(insert, 8, m.at());
                insert.setString(9, m.idempotencyKey());
                insert.setString(10, m.delivery() == null ? null : m.delivery().name());
                insert.setString(11, m.deliveryDetail());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Writes the delivery status of stored messages that have one, where the row differs: messages are
     * appended only, but a status changes after the message is stored. Messages without a status (most
     * channels) cost nothing here.
     */
    private static void updateDeliveries(Connection connection, String id, List<StoredMessage> storedMessages)
            throws SQLException {
        PreparedStatement update = null;
        try {
            for (int seq = 0; seq < storedMessages.size(); seq++) {
                StoredMessage m = storedMessages.get(seq);
                if (m.delivery() == null) {
                    continue;
                }
                if (update == null) {
                    update = connection.prepareStatement("UPDATE messages SET delivery_status = ?, delivery_detail = ?"
                            + " WHERE conversation_id = ? AND seq = ? AND (delivery_status IS NULL OR delivery_status <> ?)");
                }
                update.setString(1, m.delivery().name());
                update.setString(2, m.deliveryDetail());
                update.setString(3, id);
                update.setInt(4, seq);
                update.setString(5, m.delivery().name());
                update.addBatch();
            }
            if (update != null) {
                update.executeBatch();
            }
        } finally {
            if (update != null) {
                update.close();
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

    private static int storedMessageCount(Connection connection, String id) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq) + 1, 0) FROM messages WHERE conversation_id = ?")) {
            count.setString(1, id);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
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
                "SELECT id, channel, direction, author, body, sent_at, idempotency_key, delivery_status, delivery_detail"
                        + " FROM messages"
                        + " WHERE conversation_id = ? ORDER BY seq")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    messages.add(new StoredMessage(row.getString("id"), row.getString("channel"),
                            Direction.valueOf(row.getString("direction")), row.getString("author"),
                            row.getString("body"), SqlTimes.get(row, "sent_at"), row.getString("idempotency_key"),
                            deliveryStatus(row.getString("delivery_status")), row.getString("delivery_detail")));
                }
            }
        }
        return messages;
    }

    private static DeliveryStatus deliveryStatus(String stored) {
        return stored == null ? null : DeliveryStatus.valueOf(stored);
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
