package dev.switchboard.state;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.switchboard.hub.domain.CustomerMerge;
import dev.switchboard.hub.domain.CustomerMerges;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The merges map, read from a copy each node keeps (every message asks whether its customer is merged, and
 * merges are few and rare); the copy follows the map's entry events, and every change goes to the map.
 */
final class HazelcastCustomerMerges implements CustomerMerges {
    private final IMap<String, CustomerMerge> merges;
    private final Map<String, CustomerMerge> copy = new ConcurrentHashMap<>();

    HazelcastCustomerMerges(IMap<String, CustomerMerge> merges) {
        this.merges = merges;
        merges.addEntryListener(new Follower(), true);
        copy.putAll(merges);
    }

    @Override
    public Optional<CustomerMerge> of(String mergedCustomerId) {
        return Optional.ofNullable(copy.get(mergedCustomerId));
    }

    @Override
    public List<CustomerMerge> into(String keptCustomerId) {
        return copy.values().stream().filter(merge -> merge.keptCustomerId().equals(keptCustomerId)).toList();
    }

    @Override
    public boolean add(CustomerMerge merge) {
        boolean added = merges.putIfAbsent(merge.mergedCustomerId(), merge) == null;
        if (added) {
            copy.put(merge.mergedCustomerId(), merge);
        }
        return added;
    }

    @Override
    public Optional<CustomerMerge> remove(String mergedCustomerId) {
        CustomerMerge removed = merges.remove(mergedCustomerId);
        copy.remove(mergedCustomerId);
        return Optional.ofNullable(removed);
    }

    private final class Follower implements EntryAddedListener<String, CustomerMerge>,
            EntryUpdatedListener<String, CustomerMerge>, EntryRemovedListener<String, CustomerMerge> {
        @Override
        public void entryAdded(EntryEvent<String, CustomerMerge> event) {
            copy.put(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, CustomerMerge> event) {
            copy.put(event.getKey(), event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, CustomerMerge> event) {
            copy.remove(event.getKey());
        }
    }
}
