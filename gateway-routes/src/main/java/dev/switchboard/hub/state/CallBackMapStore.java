package dev.switchboard.hub.state;

import dev.switchboard.hub.agents.PendingCallBack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Call backs waiting for an agent, in table {@code call_backs} by conversation id; removed once placed. */
final class CallBackMapStore extends JdbcMapStore<PendingCallBack> {

    CallBackMapStore(DataSource dataSource, GroupCommit writes) {
        super(dataSource, writes);
    }

    @Override
    String keysQuery() {
        return "SELECT conversation_id FROM call_backs";
    }

    @Override
    void write(Connection connection, String key, PendingCallBack call) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE call_backs SET phone_number = ?, requested_at = ? WHERE conversation_id = ?")) {
            update.setString(1, call.number());
            SqlTimes.set(update, 2, call.requestedAt());
            update.setString(3, key);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO call_backs (phone_number, requested_at, conversation_id) VALUES (?, ?, ?)")) {
            insert.setString(1, call.number());
            SqlTimes.set(insert, 2, call.requestedAt());
            insert.setString(3, key);
            insert.executeUpdate();
        }
    }

    @Override
    PendingCallBack read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT phone_number, requested_at FROM call_backs WHERE conversation_id = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new PendingCallBack(row.getString("phone_number"), SqlTimes.get(row, "requested_at"))
                        : null;
            }
        }
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return everyKey();
    }

    @Override
    public void delete(String key) {
        deleteDurably(key);
    }

    @Override
    void erase(Connection connection, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM call_backs WHERE conversation_id = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
    }
}
