package dev.switchboard.state;

import dev.switchboard.desk.PendingCallBack;
import dev.switchboard.desk.PreferredAgent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A store of small records that are a name (or number) and a time, one row each in a table of three columns: the
 * key, the name, the time. All loaded at start; misses are answered by the keys' filter.
 */
final class TimedNameMapStore<V> extends JdbcMapStore<V> {
    /** The table's name and columns, and whether its records are deleted (else kept once written). */
    record Table(String name, String key, String text, String time, boolean deleted) {
    }

    private final Table table;
    private final Function<V, String> text;
    private final Function<V, Instant> time;
    private final BiFunction<String, Instant, V> record;

    TimedNameMapStore(DataSource dataSource, Table table, Function<V, String> text,
                      Function<V, Instant> time, BiFunction<String, Instant, V> record) {
        super(dataSource);
        this.table = table;
        this.text = text;
        this.time = time;
        this.record = record;
    }

    /** Call backs waiting for an agent, by conversation id, in table {@code call_backs}; removed once placed. */
    static TimedNameMapStore<PendingCallBack> callBacks(DataSource dataSource) {
        return new TimedNameMapStore<>(dataSource,
                new Table("call_backs", "conversation_id", "phone_number", "requested_at", true),
                PendingCallBack::number, PendingCallBack::requestedAt, PendingCallBack::new);
    }

    /** The agent each customer marked preferred last, by customer id, in table {@code preferred_agents}. */
    static TimedNameMapStore<PreferredAgent> preferredAgents(DataSource dataSource) {
        return new TimedNameMapStore<>(dataSource,
                new Table("preferred_agents", "customer_id", "username", "marked_at", false),
                PreferredAgent::username, PreferredAgent::markedAt, PreferredAgent::new);
    }

    /** Named by its table: one class serves several. */
    @Override
    String what() {
        return table.name().replace('_', ' ');
    }

    @Override
    void write(Connection connection, String key, V value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table.name() + " SET " + table.text()
                + " = ?, " + table.time() + " = ? WHERE " + table.key() + " = ?")) {
            setRow(update, key, value);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table.name() + " (" + table.text()
                + ", " + table.time() + ", " + table.key() + ") VALUES (?, ?, ?)")) {
            setRow(insert, key, value);
            insert.executeUpdate();
        }
    }

    private void setRow(PreparedStatement statement, String key, V value) throws SQLException {
        statement.setString(1, text.apply(value));
        SqlTimes.set(statement, 2, time.apply(value));
        statement.setString(3, key);
    }

    @Override
    V read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + table.text() + ", " + table.time()
                + " FROM " + table.name() + " WHERE " + table.key() + " = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? record.apply(row.getString(1), SqlTimes.get(row, table.time())) : null;
            }
        }
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return keys("SELECT " + table.key() + " FROM " + table.name());
    }

    @Override
    public void delete(String key) {
        if (!table.deleted()) {
            super.delete(key);
        }
        deleteDurably(key);
    }

    @Override
    void erase(Connection connection, String key) throws SQLException {
        if (!table.deleted()) {
            super.erase(connection, key);
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table.name() + " WHERE " + table.key() + " = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
    }
}
