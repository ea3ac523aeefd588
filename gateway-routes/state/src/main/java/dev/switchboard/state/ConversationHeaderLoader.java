package dev.switchboard.state;

import com.hazelcast.map.MapLoader;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Loads a conversation's header into the cluster's cache when it is asked for and not there. Only loads: the
 * headers are written by {@link StoredConversations}, in the transaction that appends their messages.
 */
final class ConversationHeaderLoader implements MapLoader<String, CachedHeader> {
    private final DataSource dataSource;
    private final ConversationTables tables;

    ConversationHeaderLoader(DataSource dataSource, ConversationTables tables) {
        this.dataSource = dataSource;
        this.tables = tables;
    }

    @Override
    public CachedHeader load(String id) {
        return Transactions.read(dataSource, "load conversation " + id, connection -> tables.header(connection, id, false));
    }

    @Override
    public Map<String, CachedHeader> loadAll(Collection<String> ids) {
        Map<String, CachedHeader> found = new HashMap<>();
        for (String id : ids) {
            CachedHeader header = load(id);
            if (header != null) {
                found.put(id, header);
            }
        }
        return found;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return null;
    }
}
