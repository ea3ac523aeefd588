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
     * @param conversationId the conversation
     * @param opening        the conversation as it starts, when it may not be stored yet; {@code null} when
     *                       it is known to be stored (so that a long thread is not sent along again)
     * @param messages       the messages to append, in order
     * @param context        what the devices told this time, or {@code null}
     */
    void record(String conversationId, Conversation opening, List<StoredMessage> messages, CustomerContext context);
}
