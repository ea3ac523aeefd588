package dev.switchboard.hub.domain;

import java.util.Optional;

/** The outcomes of processed interactions by their scoped idempotency key, shared and durable. */
public interface IdempotencyLog {

    Optional<RecordedOutcome> find(String scopedKey);

    void record(String scopedKey, RecordedOutcome outcome);
}
