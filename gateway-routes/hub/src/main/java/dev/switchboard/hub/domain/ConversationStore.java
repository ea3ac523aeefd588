package dev.switchboard.hub.domain;

import dev.switchboard.spi.DeliveryStatus;
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

    /**
     * Sets the delivery status of one message (see {@link Conversation#withDelivery}), atomically and
     * durably. Nothing happens when the conversation or the message is unknown.
     */
    void recordDelivery(String conversationId, String messageId, DeliveryStatus status, String detail);
}
