package dev.switchboard.state;

import dev.switchboard.hub.domain.AddressLink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Address -> customer links in table {@code address_links}. A link is inserted once and never changed, so there is
 * no update (see {@link HazelcastCustomerDirectory}).
 */
final class AddressLinkTable {
    /** Inserts a link unless the address has one; returns whether it was inserted. */
    boolean insertOnce(Connection connection, String addressKey, AddressLink link) throws SQLException {
        try (PreparedStatement insert = JdbcMapStore.prepareInsertOnce(connection,
                "INSERT INTO address_links (address_key, customer_id, source, linked_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, addressKey);
            insert.setString(2, link.customerId());
            insert.setString(3, link.source());
            SqlTimes.set(insert, 4, link.linkedAt());
            return JdbcMapStore.insertOnce(insert);
        }
    }

    /** The address's link, or {@code null}. */
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
