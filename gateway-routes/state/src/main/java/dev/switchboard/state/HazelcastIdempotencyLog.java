package dev.switchboard.state;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import dev.switchboard.hub.domain.IdempotencyLog;
import dev.switchboard.hub.domain.RecordedOutcome;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

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
    public CompletionStage<Void> record(String scopedKey, RecordedOutcome outcome) {
        return outcomes.submitToKey(scopedKey, new RecordIfAbsent(outcome));
    }

    /** Keeps the first outcome of a key: a concurrent repeat that slipped past deduplication changes nothing. */
    record RecordIfAbsent(RecordedOutcome outcome) implements EntryProcessor<String, RecordedOutcome, Void> {
        @Override
        public Void process(Map.Entry<String, RecordedOutcome> entry) {
            if (entry.getValue() == null) {
                entry.setValue(outcome);
            }
            return null;
        }
    }
}
