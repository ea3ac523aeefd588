package dev.switchboard.hub.state;

import dev.switchboard.hub.agents.PreferredAgent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The agent each customer marked preferred last, in table {@code preferred_agents} by customer id, with when. */
final class PreferredAgentMapStore extends JdbcMapStore<PreferredAgent> {

    PreferredAgentMapStore(DataSource dataSource, GroupCommit writes) {
        super(dataSource, writes);
    }

    @Override
    String keysQuery() {
        return "SELECT customer_id FROM preferred_agents";
    }

    @Override
    void write(Connection connection, String key, PreferredAgent preferred) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE preferred_agents SET username = ?, marked_at = ? WHERE customer_id = ?")) {
            update.setString(1, preferred.username());
            SqlTimes.set(update, 2, preferred.markedAt());
            update.setString(3, key);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO preferred_agents (username, marked_at, customer_id) VALUES (?, ?, ?)")) {
            insert.setString(1, preferred.username());
            SqlTimes.set(insert, 2, preferred.markedAt());
            insert.setString(3, key);
            insert.executeUpdate();
        }
    }

    @Override
    PreferredAgent read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT username, marked_at FROM preferred_agents WHERE customer_id = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new PreferredAgent(row.getString("username"), SqlTimes.get(row, "marked_at")) : null;
            }
        }
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return everyKey();
    }
}
