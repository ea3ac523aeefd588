package dev.switchboard.hub.domain;

import java.util.Optional;

/** Conversation threads, shared by every gateway node and kept across restarts. Every change is atomic. */
public interface ConversationStore {

    Optional<Conversation> get(String conversationId);

    /** Stores {@code conversation} unless one with its id exists; returns the one that holds afterwards. */
    Conversation createIfAbsent(Conversation conversation);

    /** Appends one message (see {@link Conversation#with}) and updates the context, as one atomic change. */
    Conversation append(String conversationId, StoredMessage message, CustomerContext context);
}
