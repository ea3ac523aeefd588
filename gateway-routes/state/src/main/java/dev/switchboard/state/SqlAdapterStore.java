package dev.switchboard.state;

import dev.switchboard.spi.AdapterStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One adapter's records of one name ({@link AdapterStore}) as rows of {@code adapter_records} under one namespace,
 * each call one short transaction in plain, portable SQL (H2 and PostgreSQL). Expiry and claims are compared with
 * the database's {@code CURRENT_TIMESTAMP}. An expired row counts as gone for every call; {@link #deleteExpired}
 * deletes them.
 *
 * <p>Put-if-absent inserts only where no row is ({@code INSERT ... SELECT ... WHERE NOT EXISTS}), after deleting an
 * expired one; of two nodes inserting one key at once the second waits on the key's unique index and fails with a
 * unique violation, which is its answer ("there is one") once its transaction is rolled back (on PostgreSQL a failed
 * statement ends the transaction, so nothing else follows it there). A put that meets the same race tries again.
 */
final class SqlAdapterStore implements AdapterStore {
    private static final String LIVE = " AND (expires_at IS NULL OR expires_at > CURRENT_TIMESTAMP)";
    private static final String KEY = " WHERE namespace = ? AND record_key = ?";
    private static final int PUT_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final String namespace;

    SqlAdapterStore(DataSource dataSource, String namespace) {
        this.dataSource = dataSource;
        this.namespace = namespace;
    }

    /** Deletes the expired records of every namespace; returns how many. */
    static int deleteExpired(DataSource dataSource) throws SQLException {
        return SqlCalls.inTransaction(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM adapter_records WHERE expires_at <= CURRENT_TIMESTAMP")) {
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public void put(String key, String value, Duration timeToLive) {
        checkKey(key);
        for (int attempt = 1; ; attempt++) {
            try {
                SqlCalls.inTransaction(dataSource, connection -> {
                    deleteIfExpired(connection, key);
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE adapter_records SET record_value = ?, expires_at = " + expiry(timeToLive) + KEY)) {
                        int i = 1;
                        update.setString(i++, value);
                        i = setTimeToLive(update, i, timeToLive);
                        update.setString(i++, namespace);
                        update.setString(i, key);
                        if (update.executeUpdate() == 1) {
                            return null;
                        }
                    }
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO adapter_records (namespace, record_key, record_value, expires_at) VALUES (?, ?, ?, "
                                    + expiry(timeToLive) + ")")) {
                        insert.setString(1, namespace);
                        insert.setString(2, key);
                        insert.setString(3, value);
                        setTimeToLive(insert, 4, timeToLive);
                        insert.executeUpdate();
                    }
                    return null;
                });
                return;
            } catch (SQLException e) {
                if (!SqlCalls.isUniqueViolation(e) || attempt == PUT_ATTEMPTS) {
                    throw failed("store", key, e);
                }
            }
        }
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration timeToLive) {
        checkKey(key);
        try {
            return SqlCalls.inTransaction(dataSource, connection -> {
                deleteIfExpired(connection, key);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO adapter_records (namespace, record_key, record_value, expires_at) SELECT ?, ?, ?, "
                                + expiry(timeToLive) + " WHERE NOT EXISTS (SELECT 1 FROM adapter_records" + KEY + ")")) {
                    int i = 1;
                    insert.setString(i++, namespace);
                    insert.setString(i++, key);
                    insert.setString(i++, value);
                    i = setTimeToLive(insert, i, timeToLive);
                    insert.setString(i++, namespace);
                    insert.setString(i, key);
                    return insert.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            if (SqlCalls.isUniqueViolation(e)) {
                return false;
            }
            throw failed("store", key, e);
        }
    }

    @Override
    public Optional<String> get(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT record_value FROM adapter_records" + KEY + LIVE)) {
            select.setString(1, namespace);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read", key, e);
        }
    }

    @Override
    public boolean remove(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM adapter_records" + KEY + LIVE)) {
            delete.setString(1, namespace);
            delete.setString(2, key);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("remove", key, e);
        }
    }

    @Override
    public List<Entry> list(String keyPrefix, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT record_key, record_value FROM adapter_records"
                     + " WHERE namespace = ? AND record_key LIKE ? ESCAPE '\\'" + LIVE + " ORDER BY seq")) {
            select.setString(1, namespace);
            select.setString(2, likePrefix(keyPrefix));
            select.setMaxRows(limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getString(1), rows.getString(2)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw failed("list", keyPrefix + "*", e);
        }
    }

    @Override
    public int count(String keyPrefix) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM adapter_records"
                     + " WHERE namespace = ? AND record_key LIKE ? ESCAPE '\\'" + LIVE)) {
            select.setString(1, namespace);
            select.setString(2, likePrefix(keyPrefix));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw failed("count", keyPrefix + "*", e);
        }
    }

    @Override
    public boolean claim(String key, String holder, Duration period) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE adapter_records SET claimed_by = ?, claimed_until = "
                     + SqlCalls.NOW_PLUS_MILLIS + KEY + LIVE
                     + " AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until <= CURRENT_TIMESTAMP)")) {
            update.setString(1, holder);
            update.setLong(2, period.toMillis());
            update.setString(3, namespace);
            update.setString(4, key);
            update.setString(5, holder);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("claim", key, e);
        }
    }

    private void deleteIfExpired(Connection connection, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM adapter_records" + KEY + " AND expires_at <= CURRENT_TIMESTAMP")) {
            delete.setString(1, namespace);
            delete.setString(2, key);
            delete.executeUpdate();
        }
    }

    private static String expiry(Duration timeToLive) {
        return timeToLive == null ? "CAST(NULL AS TIMESTAMP WITH TIME ZONE)" : SqlCalls.NOW_PLUS_MILLIS;
    }

    private static int setTimeToLive(PreparedStatement statement, int index, Duration timeToLive) throws SQLException {
        if (timeToLive == null) {
            return index;
        }
        statement.setLong(index, timeToLive.toMillis());
        return index + 1;
    }

    /** {@code prefix} as a LIKE pattern of the keys starting with it, its own wildcards escaped. */
    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a record's key has 1 to " + MAX_KEY_LENGTH + " characters, not " + key.length());
        }
    }

    private IllegalStateException failed(String what, String key, SQLException e) {
        return new IllegalStateException("cannot " + what + " adapter record " + namespace + " " + key + ": " + e.getMessage(), e);
    }
}
