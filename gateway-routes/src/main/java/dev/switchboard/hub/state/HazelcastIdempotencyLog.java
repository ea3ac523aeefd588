package dev.switchboard.hub.state;

import com.hazelcast.map.IMap;
import dev.switchboard.hub.domain.IdempotencyLog;
import dev.switchboard.hub.domain.RecordedOutcome;
import java.util.Optional;

final class HazelcastIdempotencyLog implements IdempotencyLog {
    private final IMap<String, RecordedOutcome> outcomes;

    HazelcastIdempotencyLog(IMap<String, RecordedOutcome> outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public Optional<RecordedOutcome> find(String scopedKey) {
        return Optional.ofNullable(outcomes.get(scopedKey));
    }

    @Override
    public void record(String scopedKey, RecordedOutcome outcome) {
        outcomes.putIfAbsent(scopedKey, outcome);
    }
}
