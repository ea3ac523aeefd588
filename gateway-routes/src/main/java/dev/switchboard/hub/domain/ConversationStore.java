package dev.switchboard.hub.domain;

import java.util.List;
import java.util.Optional;

/** Conversation threads, shared by every gateway node and kept across restarts. Every change is atomic. */
public interface ConversationStore {

    Optional<Conversation> get(String conversationId);

    /**
     * Appends messages (see {@link Conversation#with}) and updates the context, as one atomic, durable
     * change. A conversation that is not stored yet is stored as {@code opening} first, so a customer's
     * first contact costs one write.
     *
     * @param opening  the conversation as it starts, used only when none with its id is stored
     * @param messages the messages to append, in order
     * @param context  what the devices told this time, or {@code null}
     * @return the conversation afterwards
     */
    Conversation record(Conversation opening, List<StoredMessage> messages, CustomerContext context);
}
