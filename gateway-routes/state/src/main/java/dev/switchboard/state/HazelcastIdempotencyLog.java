package dev.switchboard.state;

import com.hazelcast.map.IMap;
import dev.switchboard.hub.domain.IdempotencyLog;
import dev.switchboard.hub.domain.RecordedOutcome;
import java.util.Optional;

/** Outcomes read from the cluster's cache, loaded from the database on a miss; written by {@link StoredConversations}. */
final class HazelcastIdempotencyLog implements IdempotencyLog {
    private final IMap<String, RecordedOutcome> outcomes;

    HazelcastIdempotencyLog(IMap<String, RecordedOutcome> outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public Optional<RecordedOutcome> find(String scopedKey) {
        return Optional.ofNullable(outcomes.get(scopedKey));
    }
}
