package dev.switchboard.hub.domain;

import java.util.Optional;

/**
 * The outcomes of processed interactions by their scoped idempotency key, shared and durable. An outcome is recorded
 * with its interaction's answer ({@link ConversationStore#record(String, Conversation, java.util.List,
 * CustomerContext, ConversationStore.KeyedOutcome)}).
 */
public interface IdempotencyLog {

    Optional<RecordedOutcome> find(String scopedKey);
}
