package dev.switchboard.state;

import com.hazelcast.map.MapStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The shared part of the maps written through to the database. Hazelcast calls {@link #store} on the member that
 * owns the key before a map change returns, and the store returns once the change is committed: what a node
 * acknowledged is in the database, whichever node is killed after. Entries are loaded by key when asked for and
 * not in memory (a miss, or evicted).
 */
abstract class JdbcMapStore<V> implements MapStore<String, V> {
    private final DataSource dataSource;

    JdbcMapStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes one entry inside a transaction that the caller commits; must be idempotent (an upsert). */
    abstract void write(Connection connection, String key, V value) throws SQLException;

    /** Reads one entry, or returns {@code null}. */
    abstract V read(Connection connection, String key) throws SQLException;

    /** What the entries are, for errors ("customers"). */
    abstract String what();

    /** Whether a change to {@code value} touches what the database keeps; {@code false}: nothing is written. */
    boolean kept(V value) {
        return true;
    }

    /**
     * An insert that leaves a row with the same key as it is ({@link #insertOnce}): on PostgreSQL the statement says
     * so itself ({@code ON CONFLICT DO NOTHING}), since a failed statement there spoils its transaction; on H2 the
     * duplicate key is caught.
     */
    static PreparedStatement prepareInsertOnce(Connection connection, String insert) throws SQLException {
        return connection.prepareStatement(Dialect.of(connection).insertOnce(insert));
    }

    /**
     * Runs an insert made by {@link #prepareInsertOnce}.
     *
     * @return whether the row was inserted ({@code false}: the key was there)
     */
    static boolean insertOnce(PreparedStatement insert) throws SQLException {
        try {
            return insert.executeUpdate() > 0;
        } catch (SQLException e) {
            if (!Transactions.DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public final void store(String key, V value) {
        if (kept(value)) {
            Transactions.run(dataSource, "write " + what() + " " + key, connection -> {
                write(connection, key, value);
                return null;
            });
        }
    }

    @Override
    public final void storeAll(Map<String, V> entries) {
        entries.forEach(this::store);
    }

    @Override
    public final V load(String key) {
        return Transactions.read(dataSource, "load " + what() + " " + key, connection -> read(connection, key));
    }

    @Override
    public final Map<String, V> loadAll(Collection<String> keys) {
        return RecordLoader.loadEach(keys, this::load);
    }

    /** No initial load by default: entries come into memory when first asked for. */
    @Override
    public Iterable<String> loadAllKeys() {
        return null;
    }

    /** Deletes an entry durably, its rows removed by {@link #erase}. */
    final void deleteDurably(String key) {
        Transactions.run(dataSource, "delete " + what() + " " + key, connection -> {
            erase(connection, key);
            return null;
        });
    }

    /** Removes one entry's rows inside a transaction that the caller commits; for stores whose entries are deleted. */
    void erase(Connection connection, String key) throws SQLException {
        throw new UnsupportedOperationException(what() + " are kept");
    }

    /** The first column of every row {@code query} selects. */
    final List<String> keys(String query) {
        return Transactions.read(dataSource, "read the keys of " + what(), connection -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(query);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        });
    }

    @Override
    public void delete(String key) {
        throw new UnsupportedOperationException("records are kept; deleting one from the map is a programming error");
    }

    @Override
    public final void deleteAll(Collection<String> keys) {
        keys.forEach(this::delete);
    }
}
