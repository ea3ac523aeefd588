package dev.switchboard.state;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.switchboard.desk.SharedRecords;
import dev.switchboard.desk.SharedRecords.Indexed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/** {@link SharedRecords} over a Hazelcast map: each change is an entry processor on the member that owns the key. */
final class HazelcastSharedRecords<V> implements SharedRecords<V> {
    private final IMap<String, V> map;
    private final Retention<V> retention;

    /** How long a record stays in memory once a change leaves it so; it travels with each change, as a record. */
    interface Retention<V> {
        /** @return how long {@code value} stays, or {@code null}: for good */
        Duration keepFor(V value);
    }

    /** Records kept for good. */
    HazelcastSharedRecords(IMap<String, V> map) {
        this(map, null);
    }

    /** @param retention how long a record stays, or {@code null}: for good */
    HazelcastSharedRecords(IMap<String, V> map, Retention<V> retention) {
        this.map = map;
        this.retention = retention;
    }

    @Override
    public Optional<V> get(String key) {
        return Optional.ofNullable(map.get(key));
    }

    @Override
    public List<V> matching(Filter<V> filter) {
        return List.copyOf(map.values(predicate(filter)));
    }

    @Override
    public Map<String, V> localMatching(Filter<V> filter) {
        Set<String> keys = map.localKeySet(predicate(filter));
        return keys.isEmpty() ? Map.of() : map.getAll(keys);
    }

    @Override
    public Changed<V> change(String key, Change<V> change) {
        return map.executeOnKey(key, new ApplyChange<>(change, retention));
    }

    @Override
    public void put(String key, V value) {
        map.set(key, value);
    }

    /**
     * A listener of the map's entries on this member: Hazelcast tells every member's listeners of every change, in the
     * order of the changes of each key, on its event threads. Entries loaded from the database are not changes.
     */
    @Override
    public AutoCloseable whenChanged(BiConsumer<String, V> listener) {
        UUID id = map.addEntryListener(new Changes<>(listener), true);
        return () -> map.removeEntryListener(id);
    }

    /** Passes an entry's key and new value (none when removed) to the listener. */
    private record Changes<V>(BiConsumer<String, V> listener) implements EntryAddedListener<String, V>,
            EntryUpdatedListener<String, V>, EntryRemovedListener<String, V> {
        @Override
        public void entryAdded(EntryEvent<String, V> event) {
            listener.accept(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, V> event) {
            listener.accept(event.getKey(), event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, V> event) {
            listener.accept(event.getKey(), null);
        }
    }

    /**
     * The filter as a query, which finds its records by the map's index when the filter names an indexed field. The
     * index holds a field as the records' Compact form has it: an enum as its name.
     */
    private static <V> Predicate<String, V> predicate(Filter<V> filter) {
        Indexed indexed = filter.indexed();
        Predicate<String, V> matches = new Matches<>(filter);
        if (indexed == null) {
            return matches;
        }
        Comparable<?> value = indexed.value() instanceof Enum<?> constant ? constant.name() : indexed.value();
        return Predicates.and(Predicates.equal(indexed.field(), value), matches);
    }

    /** Runs a change where the entry lives; the backup runs the same change, which reads nothing else. */
    record ApplyChange<V>(Change<V> change, Retention<V> retention) implements EntryProcessor<String, V, Changed<V>> {
        @Override
        public Changed<V> process(Map.Entry<String, V> entry) {
            V before = entry.getValue();
            V after = change.apply(before);
            if (after != before) {
                Duration keep = after == null || retention == null ? null : retention.keepFor(after);
                if (keep == null) {
                    entry.setValue(after);
                } else {
                    ((ExtendedMapEntry<String, V>) entry).setValue(after, keep.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            return new Changed<>(before, after);
        }
    }

    record Matches<V>(Filter<V> filter) implements Predicate<String, V> {
        @Override
        public boolean apply(Map.Entry<String, V> entry) {
            V value = entry.getValue();
            return value != null && filter.test(value);
        }
    }
}
