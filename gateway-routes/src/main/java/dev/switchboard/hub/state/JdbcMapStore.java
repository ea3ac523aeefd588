package dev.switchboard.hub.state;

import com.hazelcast.map.MapStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The shared part of the write-through stores: Hazelcast calls {@link #store} before a map change returns,
 * and the store returns once the write is committed (with others', see {@link GroupCommit}), so an
 * answered request is in the database. Entries are loaded lazily by key; nothing is preloaded.
 */
abstract class JdbcMapStore<V> implements MapStore<String, V> {
    /** SQLState of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource dataSource;
    private final GroupCommit writes;

    JdbcMapStore(DataSource dataSource, GroupCommit writes) {
        this.dataSource = dataSource;
        this.writes = writes;
    }

    /** Writes one entry inside a transaction that the caller commits. */
    abstract void write(Connection connection, String key, V value) throws SQLException;

    /** Reads one entry, or returns {@code null}. */
    abstract V read(Connection connection, String key) throws SQLException;

    /**
     * Runs an insert; a row with the same key already there is not an error.
     *
     * @return whether the row was inserted ({@code false}: the key was there)
     */
    static boolean insertOnce(PreparedStatement insert) throws SQLException {
        try {
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public final void store(String key, V value) {
        writes.commit(connection -> write(connection, key, value));
    }

    @Override
    public final void storeAll(Map<String, V> entries) {
        entries.forEach(this::store);
    }

    @Override
    public final V load(String key) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, key);
        } catch (SQLException e) {
            throw new IllegalStateException("could not load " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public final Map<String, V> loadAll(Collection<String> keys) {
        Map<String, V> found = new HashMap<>();
        for (String key : keys) {
            V value = load(key);
            if (value != null) {
                found.put(key, value);
            }
        }
        return found;
    }

    /** No initial load by default: entries come into memory when first asked for. */
    @Override
    public Iterable<String> loadAllKeys() {
        return null;
    }

    /** A write other than {@link #write}, such as a delete, committed like every other. */
    final void writesCommit(GroupCommit.Write write) {
        writes.commit(write);
    }

    /** A query for a store that overrides {@link #loadAllKeys}. */
    final <T> T readAll(SqlRead<T> read) {
        try (Connection connection = dataSource.getConnection()) {
            return read.read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the keys: " + e.getMessage(), e);
        }
    }

    interface SqlRead<T> {
        T read(Connection connection) throws SQLException;
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
