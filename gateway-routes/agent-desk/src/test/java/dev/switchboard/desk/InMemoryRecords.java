package dev.switchboard.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** Unit tier: shared records in one JVM's memory, each change under one lock, as a Hazelcast member runs them. */
class InMemoryRecords<V> implements SharedRecords<V> {
    private final Map<String, V> records = new LinkedHashMap<>();
    private final List<BiConsumer<String, V>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public synchronized Optional<V> get(String key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public synchronized List<V> matching(Filter<V> filter) {
        return new ArrayList<>(records.values().stream().filter(filter::test).toList());
    }

    @Override
    public synchronized Map<String, V> localMatching(Filter<V> filter) {
        Map<String, V> found = new LinkedHashMap<>();
        records.forEach((key, value) -> {
            if (filter.test(value)) {
                found.put(key, value);
            }
        });
        return found;
    }

    @Override
    public synchronized Changed<V> change(String key, Change<V> change) {
        V before = records.get(key);
        V after = change.apply(before);
        if (after == null) {
            records.remove(key);
        } else {
            records.put(key, after);
        }
        listeners.forEach(listener -> listener.accept(key, after));
        return new Changed<>(before, after);
    }

    @Override
    public synchronized void put(String key, V value) {
        records.put(key, value);
        listeners.forEach(listener -> listener.accept(key, value));
    }

    @Override
    public AutoCloseable whenChanged(BiConsumer<String, V> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
