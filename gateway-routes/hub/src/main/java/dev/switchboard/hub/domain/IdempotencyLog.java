package dev.switchboard.hub.domain;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The outcomes of processed interactions by their scoped idempotency key, shared and durable. */
public interface IdempotencyLog {

    Optional<RecordedOutcome> find(String scopedKey);

    /** Records an outcome unless one is recorded for the key; completes once it is durable. */
    CompletionStage<Void> record(String scopedKey, RecordedOutcome outcome);
}
