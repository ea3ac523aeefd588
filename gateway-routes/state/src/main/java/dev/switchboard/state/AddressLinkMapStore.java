package dev.switchboard.state;

import dev.switchboard.hub.domain.AddressLink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Address -> customer links in table {@code address_links}. */
final class AddressLinkMapStore extends JdbcMapStore<AddressLink> {
    @Override
    String what() {
        return "address links";
    }


    AddressLinkMapStore(DataSource dataSource) {
        super(dataSource);
    }


    @Override
    void write(Connection connection, String addressKey, AddressLink link) throws SQLException {
        if (insertOnce(connection, addressKey, link)) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE address_links SET customer_id = ?, source = ?, linked_at = ? WHERE address_key = ?")) {
            update.setString(1, link.customerId());
            update.setString(2, link.source());
            SqlTimes.set(update, 3, link.linkedAt());
            update.setString(4, addressKey);
            update.executeUpdate();
        }
    }

    /** Inserts a link unless the address has one; returns whether it was inserted. */
    boolean insertOnce(Connection connection, String addressKey, AddressLink link) throws SQLException {
        try (PreparedStatement insert = prepareInsertOnce(connection,
                "INSERT INTO address_links (address_key, customer_id, source, linked_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, addressKey);
            insert.setString(2, link.customerId());
            insert.setString(3, link.source());
            SqlTimes.set(insert, 4, link.linkedAt());
            return insertOnce(insert);
        }
    }

    @Override
    AddressLink read(Connection connection, String addressKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT customer_id, source, linked_at FROM address_links WHERE address_key = ?")) {
            select.setString(1, addressKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? new AddressLink(row.getString("customer_id"), row.getString("source"), SqlTimes.get(row, "linked_at"))
                        : null;
            }
        }
    }
}
