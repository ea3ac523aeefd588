package dev.switchboard.state;

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
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SQL of tables {@code conversations} (one header each) and {@code messages} (one row each, numbered from 0 in
 * its thread by {@code seq}). Each method runs inside a transaction its caller holds.
 */
final class ConversationTables {
    private static final HexFormat HEX = HexFormat.of();
    private static final String HEADER_COLUMNS = "customer_id, opened_from, token_hash, started_at, context_json,"
            + " message_count, last_activity, channels_heard, last_heard, last_heard_at, agents_read_up_to,"
            + " customer_read_up_to, revision";
    private static final String MESSAGE_COLUMNS = "seq, id, channel, direction, author, body, sent_at, idempotency_key,"
            + " delivery_status, delivery_detail";

    private final ObjectMapper json;

    ConversationTables(ObjectMapper json) {
        this.json = json;
    }

    /**
     * A header, locked until the transaction ends when {@code lock} is set (so that one change at a time numbers its
     * messages), or {@code null}.
     */
    CachedHeader header(Connection connection, String id, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + HEADER_COLUMNS
                + " FROM conversations WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Instant startedAt = SqlTimes.get(row, "started_at");
                Instant lastActivity = row.getObject("last_activity") == null ? startedAt
                        : SqlTimes.get(row, "last_activity");
                Conversation header = new Conversation(id, row.getString("customer_id"), row.getString("opened_from"),
                        HEX.parseHex(row.getString("token_hash")), startedAt, fromJson(row.getString("context_json")),
                        row.getInt("message_count"), lastActivity, Set.of(), row.getString("last_heard"),
                        optionalTime(row, "last_heard_at"), optionalTime(row, "agents_read_up_to"),
                        optionalTime(row, "customer_read_up_to"));
                String heard = row.getString("channels_heard");
                long revision = row.getLong("revision");
                return heard == null ? new CachedHeader(heardFromMessages(connection, header), revision)
                        : new CachedHeader(withHeard(header, names(heard)), revision);
            }
        }
    }

    /** Inserts a header; a header with its id already there is a lost race (the caller's transaction is run again). */
    void insertHeader(Connection connection, Conversation c, long revision) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversations (" + HEADER_COLUMNS
                + ", id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, c.customerId());
            insert.setString(2, c.openedFrom());
            insert.setString(3, HEX.formatHex(c.tokenHash()));
            SqlTimes.set(insert, 4, c.startedAt());
            setCounters(insert, 5, c, revision);
            insert.setString(14, c.id());
            insert.executeUpdate();
        }
    }

    /** Writes what changes in a header: its context, counters and revision. */
    void updateHeader(Connection connection, Conversation c, long revision) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE conversations SET context_json = ?,"
                + " message_count = ?, last_activity = ?, channels_heard = ?, last_heard = ?, last_heard_at = ?,"
                + " agents_read_up_to = ?, customer_read_up_to = ?, revision = ? WHERE id = ?")) {
            setCounters(update, 1, c, revision);
            update.setString(10, c.id());
            update.executeUpdate();
        }
    }

    private void setCounters(PreparedStatement statement, int first, Conversation c, long revision) throws SQLException {
        statement.setString(first, toJson(c.context()));
        statement.setInt(first + 1, c.messageCount());
        SqlTimes.set(statement, first + 2, c.lastActivity());
        statement.setString(first + 3, String.join(" ", new TreeSet<>(c.channelsHeard())));
        statement.setString(first + 4, c.lastHeard());
        setOptionalTime(statement, first + 5, c.lastHeardAt());
        setOptionalTime(statement, first + 6, c.agentsReadUpTo());
        setOptionalTime(statement, first + 7, c.customerReadUpTo());
        statement.setLong(first + 8, revision);
    }

    private static void setOptionalTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            SqlTimes.set(statement, index, time);
        }
    }

    /** Of {@code messages}, the (direction, idempotency key) pairs the thread holds already. */
    Set<String> interactionsHeld(Connection connection, String id, List<StoredMessage> messages) throws SQLException {
        Set<String> keys = new TreeSet<>();
        messages.forEach(m -> keys.add(m.idempotencyKey()));
        Set<String> held = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT direction, idempotency_key FROM messages"
                + " WHERE conversation_id = ? AND idempotency_key IN (" + "?, ".repeat(keys.size() - 1) + "?)")) {
            select.setString(1, id);
            int index = 2;
            for (String key : keys) {
                select.setString(index++, key);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    held.add(interaction(Direction.valueOf(rows.getString(1)), rows.getString(2)));
                }
            }
        }
        return held;
    }

    static String interaction(Direction direction, String idempotencyKey) {
        return direction + " " + idempotencyKey;
    }

    /** Inserts messages numbered from {@code firstSeq}, in one batch. */
    void insertMessages(Connection connection, String id, int firstSeq, List<StoredMessage> messages) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO messages (conversation_id, "
                + MESSAGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = firstSeq;
            for (StoredMessage m : messages) {
                insert.setString(1, id);
                insert.setInt(2, seq++);
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

    /** One message by its id, locked until the transaction ends when {@code lock} is set. */
    Optional<StoredMessage> message(Connection connection, String id, String messageId, boolean lock)
            throws SQLException {
        return first(connection, "WHERE conversation_id = ? AND id = ?" + (lock ? " FOR UPDATE" : ""), id, messageId);
    }

    /** The message of one direction stored for an idempotency key. */
    Optional<StoredMessage> message(Connection connection, String id, Direction direction, String idempotencyKey)
            throws SQLException {
        return first(connection, "WHERE conversation_id = ? AND idempotency_key = ? AND direction = ?", id,
                idempotencyKey, direction.name());
    }

    void updateDelivery(Connection connection, String id, String messageId, StoredMessage updated) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE messages SET delivery_status = ?,"
                + " delivery_detail = ? WHERE conversation_id = ? AND id = ?")) {
            update.setString(1, updated.delivery() == null ? null : updated.delivery().name());
            update.setString(2, updated.deliveryDetail());
            update.setString(3, id);
            update.setString(4, messageId);
            update.executeUpdate();
        }
    }

    /** A message and its number in the thread. */
    record Numbered(int seq, StoredMessage message) {
    }

    /** At most {@code limit} messages numbered below {@code before}, newest first. */
    List<Numbered> newestBefore(Connection connection, String id, long before, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + MESSAGE_COLUMNS
                + " FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?")) {
            select.setString(1, id);
            select.setInt(2, (int) Math.min(before, Integer.MAX_VALUE));
            select.setInt(3, limit);
            List<Numbered> newestFirst = new ArrayList<>(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    newestFirst.add(new Numbered(rows.getInt("seq"), message(rows)));
                }
            }
            return newestFirst;
        }
    }

    private Optional<StoredMessage> first(Connection connection, String where, String... parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + MESSAGE_COLUMNS + " FROM messages " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(message(rows)) : Optional.empty();
            }
        }
    }

    private static StoredMessage message(ResultSet row) throws SQLException {
        String status = row.getString("delivery_status");
        return new StoredMessage(row.getString("id"), row.getString("channel"),
                Direction.valueOf(row.getString("direction")), row.getString("author"), row.getString("body"),
                SqlTimes.get(row, "sent_at"), row.getString("idempotency_key"),
                status == null ? null : DeliveryStatus.valueOf(status), row.getString("delivery_detail"));
    }

    /** A header of an older version, which kept no channels: worked out from its messages once. */
    private static Conversation heardFromMessages(Connection connection, Conversation header) throws SQLException {
        Set<String> heard = new TreeSet<>();
        String last = null;
        Instant lastAt = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT channel, sent_at FROM messages"
                + " WHERE conversation_id = ? AND direction = ? ORDER BY seq")) {
            select.setString(1, header.id());
            select.setString(2, Direction.INBOUND.name());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    last = rows.getString("channel");
                    lastAt = SqlTimes.get(rows, "sent_at");
                    heard.add(last);
                }
            }
        }
        return new Conversation(header.id(), header.customerId(), header.openedFrom(), header.tokenHash(),
                header.startedAt(), header.context(), header.messageCount(), header.lastActivity(), heard, last, lastAt,
                header.agentsReadUpTo(), header.customerReadUpTo());
    }

    private static Conversation withHeard(Conversation header, Set<String> heard) {
        return new Conversation(header.id(), header.customerId(), header.openedFrom(), header.tokenHash(),
                header.startedAt(), header.context(), header.messageCount(), header.lastActivity(), heard,
                header.lastHeard(), header.lastHeardAt(), header.agentsReadUpTo(), header.customerReadUpTo());
    }

    private static Set<String> names(String joined) {
        return joined.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(joined.split(" ")));
    }

    private static Instant optionalTime(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
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
