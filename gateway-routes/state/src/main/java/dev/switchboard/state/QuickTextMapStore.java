package dev.switchboard.state;

import dev.switchboard.desk.QuickText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Quick texts in table {@code quick_texts}, keyed {@code owner/shortcut}; all loaded at start (they are few). */
final class QuickTextMapStore extends JdbcMapStore<QuickText> {
    @Override
    String what() {
        return "quick texts";
    }


    QuickTextMapStore(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    void write(Connection connection, String key, QuickText q) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE quick_texts SET body = ?, updated_at = ? WHERE owner = ? AND shortcut = ?")) {
            update.setString(1, q.text());
            SqlTimes.set(update, 2, q.updatedAt());
            update.setString(3, q.owner());
            update.setString(4, q.shortcut());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO quick_texts (body, updated_at, owner, shortcut) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, q.text());
            SqlTimes.set(insert, 2, q.updatedAt());
            insert.setString(3, q.owner());
            insert.setString(4, q.shortcut());
            insert.executeUpdate();
        }
    }

    @Override
    QuickText read(Connection connection, String key) throws SQLException {
        int slash = key.indexOf('/');
        if (slash < 1) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT body, updated_at FROM quick_texts WHERE owner = ? AND shortcut = ?")) {
            select.setString(1, key.substring(0, slash));
            select.setString(2, key.substring(slash + 1));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new QuickText(key.substring(0, slash), key.substring(slash + 1),
                        row.getString("body"), SqlTimes.get(row, "updated_at")) : null;
            }
        }
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return keys("SELECT owner || '/' || shortcut FROM quick_texts");
    }

    @Override
    public void delete(String key) {
        deleteDurably(key);
    }

    @Override
    void erase(Connection connection, String key) throws SQLException {
        int slash = key.indexOf('/');
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM quick_texts WHERE owner = ? AND shortcut = ?")) {
            delete.setString(1, key.substring(0, slash));
            delete.setString(2, key.substring(slash + 1));
            delete.executeUpdate();
        }
    }
}
