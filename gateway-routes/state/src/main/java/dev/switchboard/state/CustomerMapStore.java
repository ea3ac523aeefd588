package dev.switchboard.state;

import dev.switchboard.hub.domain.Customer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Customer records in table {@code customers}; a record never changes once written. */
final class CustomerMapStore extends JdbcMapStore<Customer> {
    @Override
    String what() {
        return "customers";
    }


    CustomerMapStore(DataSource dataSource) {
        super(dataSource);
    }


    @Override
    void write(Connection connection, String key, Customer customer) throws SQLException {
        try (PreparedStatement insert = prepareInsertOnce(connection,
                "INSERT INTO customers (id, conversation_id, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, customer.conversationId());
            SqlTimes.set(insert, 3, customer.createdAt());
            insertOnce(insert);
        }
    }

    @Override
    Customer read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT conversation_id, created_at FROM customers WHERE id = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Customer(key, row.getString("conversation_id"), SqlTimes.get(row, "created_at")) : null;
            }
        }
    }
}
