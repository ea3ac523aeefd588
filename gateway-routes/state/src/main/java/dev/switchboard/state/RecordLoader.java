package dev.switchboard.state;

import com.hazelcast.map.MapLoader;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Loads a cached record when it is asked for and not in memory. Only loads: such records are written in the
 * transactions of {@link StoredConversations}, which puts what it committed into the cache.
 */
final class RecordLoader<V> implements MapLoader<String, V> {
    private final DataSource dataSource;
    private final String what;
    private final Transactions.Read<V> read;

    RecordLoader(DataSource dataSource, String what, Transactions.Read<V> read) {
        this.dataSource = dataSource;
        this.what = what;
        this.read = read;
    }

    @Override
    public V load(String key) {
        return Transactions.read(dataSource, "load " + what + " " + key, connection -> read.read(connection, key));
    }

    @Override
    public Map<String, V> loadAll(Collection<String> keys) {
        Map<String, V> found = new HashMap<>();
        for (String key : keys) {
            V value = load(key);
            if (value != null) {
                found.put(key, value);
            }
        }
        return found;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return null;
    }
}
