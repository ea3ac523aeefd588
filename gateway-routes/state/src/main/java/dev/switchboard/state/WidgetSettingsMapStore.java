package dev.switchboard.state;

import dev.switchboard.spi.WidgetSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The chat widget's settings in tables {@code widget_settings}, {@code widget_texts} and
 * {@code widget_allowed_origins}, keyed by the settings' id (one, {@code site}); loaded at start. A save writes the
 * whole settings in the caller's one transaction: the row, then the texts and the sites replaced.
 */
final class WidgetSettingsMapStore extends JdbcMapStore<WidgetSettings> {
    private static final String ENGLISH = "en";
    private static final String POLISH = "pl";

    WidgetSettingsMapStore(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    String what() {
        return "widget settings";
    }

    @Override
    void write(Connection connection, String key, WidgetSettings s) throws SQLException {
        boolean updated;
        try (PreparedStatement update = connection.prepareStatement("UPDATE widget_settings SET color = ?, "
                + "position = ?, default_language = ?, invite_on = ?, invite_after_seconds = ?, "
                + "invite_path_pattern = ?, invite_min_pages = ?, saved_by = ?, saved_at = ? WHERE id = ?")) {
            bind(update, s, key);
            updated = update.executeUpdate() > 0;
        }
        if (!updated) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO widget_settings (color, "
                    + "position, default_language, invite_on, invite_after_seconds, invite_path_pattern, "
                    + "invite_min_pages, saved_by, saved_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(insert, s, key);
                insert.executeUpdate();
            }
        }
        for (String table : List.of("widget_texts", "widget_allowed_origins")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE settings_id = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO widget_texts (settings_id, language, "
                + "available, unavailable, greeting, invitation) VALUES (?, ?, ?, ?, ?, ?)")) {
            addTexts(insert, key, ENGLISH, s.english());
            addTexts(insert, key, POLISH, s.polish());
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO widget_allowed_origins (settings_id, origin, position) VALUES (?, ?, ?)")) {
            for (int i = 0; i < s.allowedOrigins().size(); i++) {
                insert.setString(1, key);
                insert.setString(2, s.allowedOrigins().get(i));
                insert.setInt(3, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, WidgetSettings s, String key) throws SQLException {
        statement.setString(1, s.color());
        statement.setString(2, s.position());
        statement.setString(3, s.language());
        statement.setBoolean(4, s.invitation().on());
        statement.setInt(5, s.invitation().afterSeconds());
        statement.setString(6, s.invitation().pathPattern());
        statement.setInt(7, s.invitation().minPages());
        statement.setString(8, s.savedBy());
        SqlTimes.set(statement, 9, s.savedAt());
        statement.setString(10, key);
    }

    private static void addTexts(PreparedStatement insert, String key, String language, WidgetSettings.Texts texts)
            throws SQLException {
        insert.setString(1, key);
        insert.setString(2, language);
        insert.setString(3, texts.available());
        insert.setString(4, texts.unavailable());
        insert.setString(5, texts.greeting());
        insert.setString(6, texts.invitation());
        insert.addBatch();
    }

    @Override
    WidgetSettings read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT color, position, default_language, "
                + "invite_on, invite_after_seconds, invite_path_pattern, invite_min_pages, saved_by, saved_at "
                + "FROM widget_settings WHERE id = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new WidgetSettings(row.getString("color"), row.getString("position"),
                        row.getString("default_language"), texts(connection, key, ENGLISH),
                        texts(connection, key, POLISH), new WidgetSettings.Invitation(row.getBoolean("invite_on"),
                        row.getInt("invite_after_seconds"), row.getString("invite_path_pattern"),
                        row.getInt("invite_min_pages")), origins(connection, key), row.getString("saved_by"),
                        SqlTimes.get(row, "saved_at"));
            }
        }
    }

    private static WidgetSettings.Texts texts(Connection connection, String key, String language) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT available, unavailable, greeting, "
                + "invitation FROM widget_texts WHERE settings_id = ? AND language = ?")) {
            select.setString(1, key);
            select.setString(2, language);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new WidgetSettings.Texts(row.getString("available"), row.getString("unavailable"),
                        row.getString("greeting"), row.getString("invitation")) : WidgetSettings.Texts.NONE;
            }
        }
    }

    private static List<String> origins(Connection connection, String key) throws SQLException {
        List<String> origins = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT origin FROM widget_allowed_origins WHERE settings_id = ? ORDER BY position")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    origins.add(rows.getString(1));
                }
            }
        }
        return origins;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return keys("SELECT id FROM widget_settings");
    }
}
