package dev.switchboard.state;

import com.hazelcast.map.MapStore;
import dev.switchboard.hub.binary.BinaryCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The shared part of the durable maps' stores. Hazelcast calls {@link #store} before a map change returns,
 * and the store returns once the change is in the journal ({@link GroupCommit}); the database gets it
 * soon after. Entries are loaded lazily by key.
 *
 * <p>A store that names its keys' query ({@link #keysQuery()}) reads the keys the database has once, at the
 * first load, into a {@link KeyFilter}, and from then on answers a miss for a key the filter has not seen without
 * asking the database: every later write passes through the map and the filter, so such a key does not exist. A
 * new customer's look-ups are all such misses (fewer than one in a hundred asks the database after all).
 */
abstract class JdbcMapStore<V> implements MapStore<String, V>, GroupCommit.Replayable {
    /** SQLState of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";

    /** A store write ready for the journal: its encoding there, and what it does to the database. */
    record JournaledWrite(byte[] body, GroupCommit.Write write) {
    }

    /** The journal body of a deletion (a serialized value is never empty). */
    private static final byte[] DELETED = new byte[0];

    private final DataSource dataSource;
    private final GroupCommit writes;
    /** The journal form of the values, or {@code null} for Java serialization. */
    private final BinaryCodec<V> codec;
    private volatile KeyFilter knownKeys;

    /** A store whose journal keeps its values Java-serialized. */
    JdbcMapStore(DataSource dataSource, GroupCommit writes) {
        this(dataSource, writes, null);
    }

    JdbcMapStore(DataSource dataSource, GroupCommit writes, BinaryCodec<V> codec) {
        this.dataSource = dataSource;
        this.writes = writes;
        this.codec = codec;
    }

    /** Writes one entry inside a transaction that the caller commits; must be idempotent (an upsert). */
    abstract void write(Connection connection, String key, V value) throws SQLException;

    /** Reads one entry, or returns {@code null}. */
    abstract V read(Connection connection, String key) throws SQLException;

    /** A query returning every key in the database (one column), or {@code null} to ask the database on every miss. */
    String keysQuery() {
        return null;
    }

    @Override
    public String journalName() {
        return getClass().getSimpleName();
    }

    /**
     * The journal record of a change: by default the whole value, encoded; {@code null} when the change touches
     * nothing the database keeps (then nothing is written).
     */
    JournaledWrite journaled(String key, V value) {
        return new JournaledWrite(codec == null ? serialize(value) : codec.toBytes(value),
                connection -> write(connection, key, value));
    }

    /** Called once {@code value} is journaled: a store whose changes depend on the one before keeps it here. */
    void stored(String key, V value) {
    }

    @Override
    public void replay(Connection connection, String key, byte[] body) throws SQLException {
        if (body.length == 0) {
            erase(connection, key);
        } else {
            write(connection, key, decode(body, codec));
        }
    }

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
        JournaledWrite change = journaled(key, value);
        if (change == null) {
            return;
        }
        writes.commit(new Journal.Entry(journalName(), key, change.body()), change.write());
        stored(key, value);
        KeyFilter known = knownKeys;
        if (known != null) {
            known.add(key);
        }
    }

    @Override
    public final void storeAll(Map<String, V> entries) {
        entries.forEach(this::store);
    }

    @Override
    public final V load(String key) {
        KeyFilter known = knownKeys();
        if (known != null && !known.mightContain(key)) {
            return null;
        }
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

    /** Deletes an entry durably: journaled like a store (with an empty body), the row removed by {@link #erase}. */
    final void deleteDurably(String key) {
        writes.commit(new Journal.Entry(journalName(), key, DELETED), connection -> erase(connection, key));
    }

    /** Removes one entry's rows inside a transaction that the caller commits; for stores whose entries are deleted. */
    void erase(Connection connection, String key) throws SQLException {
        throw new UnsupportedOperationException(journalName() + " keeps its records");
    }

    /** A query for a store that overrides {@link #loadAllKeys}. */
    final <T> T readAll(SqlRead<T> read) {
        try (Connection connection = dataSource.getConnection()) {
            return read.read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the keys of " + journalName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every key {@link #keysQuery()} returns: the initial load of a store whose records are few. The same keys make
     * the filter of known keys, so that they are read once at start.
     */
    final List<String> everyKey() {
        List<String> keys = keys(keysQuery());
        synchronized (this) {
            if (knownKeys == null) {
                knownKeys = filterOf(keys);
            }
        }
        return keys;
    }

    /** The first column of every row {@code query} selects. */
    final List<String> keys(String query) {
        return readAll(connection -> {
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

    private KeyFilter knownKeys() {
        String query = keysQuery();
        if (query == null) {
            return null;
        }
        KeyFilter known = knownKeys;
        if (known == null) {
            synchronized (this) {
                known = knownKeys;
                if (known == null) {
                    known = filterOf(keys(query));
                    knownKeys = known;
                }
            }
        }
        return known;
    }

    private static KeyFilter filterOf(List<String> keys) {
        KeyFilter filter = new KeyFilter();
        keys.forEach(filter::add);
        return filter;
    }

    static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getSimpleName() + " for the journal", e);
        }
        return bytes.toByteArray();
    }

    /**
     * A journal body read back: in {@code codec}'s form, or Java-serialized (what a version before the codecs
     * journaled; such a body starts with the serialization stream's magic number 0xACED).
     */
    @SuppressWarnings("unchecked")
    static <T> T decode(byte[] body, BinaryCodec<T> codec) {
        return codec == null || body[0] == JAVA_SERIALIZED ? (T) deserialize(body) : codec.fromBytes(body);
    }

    private static final byte JAVA_SERIALIZED = (byte) 0xAC;

    static Object deserialize(byte[] body) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(body))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a journal record cannot be read: " + e.getMessage(), e);
        }
    }
}
