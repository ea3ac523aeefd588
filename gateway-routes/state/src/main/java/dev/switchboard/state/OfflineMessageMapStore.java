package dev.switchboard.state;

import dev.switchboard.desk.OfflineMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import javax.sql.DataSource;

/** Offline messages in table {@code offline_messages}, keyed by id; all loaded at start, for the managers' list. */
final class OfflineMessageMapStore extends JdbcMapStore<OfflineMessage> {
    @Override
    String what() {
        return "offline messages";
    }


    OfflineMessageMapStore(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    void write(Connection connection, String key, OfflineMessage m) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE offline_messages SET status = ?, resolved_by = ?, resolved_at = ?, note = ? WHERE id = ?")) {
            update.setString(1, m.status().name());
            update.setString(2, m.resolvedBy());
            setTime(update, 3, m.resolvedAt());
            update.setString(4, m.note());
            update.setString(5, key);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO offline_messages (id, conversation_id, customer_id, from_address, channel, body,"
                        + " received_at, status, resolved_by, resolved_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, m.conversationId());
            insert.setString(3, m.customerId());
            insert.setString(4, m.from());
            insert.setString(5, m.channel());
            insert.setString(6, m.text());
            SqlTimes.set(insert, 7, m.at());
            insert.setString(8, m.status().name());
            insert.setString(9, m.resolvedBy());
            setTime(insert, 10, m.resolvedAt());
            insert.setString(11, m.note());
            insert.executeUpdate();
        }
    }

    @Override
    OfflineMessage read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT conversation_id, customer_id, from_address, channel, body, received_at, status, resolved_by,"
                        + " resolved_at, note FROM offline_messages WHERE id = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Instant resolvedAt = row.getObject("resolved_at") == null ? null : SqlTimes.get(row, "resolved_at");
                return new OfflineMessage(key, row.getString("conversation_id"), row.getString("customer_id"),
                        row.getString("from_address"), row.getString("channel"), row.getString("body"),
                        SqlTimes.get(row, "received_at"), OfflineMessage.Status.valueOf(row.getString("status")),
                        row.getString("resolved_by"), resolvedAt, row.getString("note"));
            }
        }
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return keys("SELECT id FROM offline_messages");
    }

    private static void setTime(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            SqlTimes.set(statement, index, instant);
        }
    }
}
