package dev.switchboard.state;

import dev.switchboard.hub.domain.CustomerMerge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Customer merges in table {@code customer_merges}, keyed by the merged customer; all loaded at start (they are few). */
final class CustomerMergeMapStore extends JdbcMapStore<CustomerMerge> {
    @Override
    String what() {
        return "customer merges";
    }


    CustomerMergeMapStore(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    void write(Connection connection, String key, CustomerMerge merge) throws SQLException {
        erase(connection, key);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_merges"
                + " (merged_customer_id, kept_customer_id, merged_by, merged_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, merge.keptCustomerId());
            insert.setString(3, merge.mergedBy());
            SqlTimes.set(insert, 4, merge.mergedAt());
            insert.executeUpdate();
        }
    }

    @Override
    CustomerMerge read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT kept_customer_id, merged_by, merged_at FROM customer_merges WHERE merged_customer_id = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new CustomerMerge(key, row.getString("kept_customer_id"), row.getString("merged_by"),
                        SqlTimes.get(row, "merged_at")) : null;
            }
        }
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return keys("SELECT merged_customer_id FROM customer_merges");
    }

    @Override
    public void delete(String key) {
        deleteDurably(key);
    }

    @Override
    void erase(Connection connection, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM customer_merges WHERE merged_customer_id = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
    }
}
