package dev.switchboard.hub.domain;

import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.ThreadPage;
import java.util.List;
import java.util.Optional;

/**
 * Conversation threads, shared by every gateway node and kept across restarts: each thread's header, and its
 * messages one record each. Every change is atomic and durable when it returns; adding a message costs the same
 * however long the thread.
 */
public interface ConversationStore {

    /** The header of a conversation. */
    Optional<Conversation> get(String conversationId);

    /**
     * Appends messages and updates the context, as one atomic, durable change. A message of the same direction and
     * idempotency key as one in the thread is left out (a retried or concurrent repeat of one interaction), so each
     * interaction leaves at most one question and one answer. A conversation that is not stored yet is stored as
     * {@code opening} first, so a customer's first contact costs one write.
     *
     * @param conversationId the conversation
     * @param opening        the conversation as it starts, when it may not be stored yet; {@code null} when it is
     *                       known to be stored
     * @param messages       the messages to append, in order
     * @param context        what the devices told this time, or {@code null}
     * @throws IllegalStateException when the conversation is not stored and no opening is given
     */
    default void record(String conversationId, Conversation opening, List<StoredMessage> messages,
                        CustomerContext context) {
        record(conversationId, opening, messages, context, null);
    }

    /**
     * As {@link #record(String, Conversation, List, CustomerContext)}, recording {@code outcome} in the same
     * transaction: an interaction's answer and the outcome a repeat of it is answered with are durable together, or
     * neither is. The first outcome of a key stays.
     *
     * @param outcome the outcome of the interaction the messages belong to, by its scoped key; or {@code null}
     */
    void record(String conversationId, Conversation opening, List<StoredMessage> messages, CustomerContext context,
                KeyedOutcome outcome);

    /** An interaction's outcome under its scoped idempotency key (see {@link IdempotencyScope}). */
    record KeyedOutcome(String scopedKey, RecordedOutcome outcome) {
    }

    /**
     * Sets the delivery status of one message as {@link StoredMessage#withDelivery} says, atomically and durably.
     * Nothing happens when the conversation or the message is unknown.
     */
    void recordDelivery(String conversationId, String messageId, DeliveryStatus status, String detail);

    /**
     * Moves {@code reader}'s read mark to message {@code messageId} (see {@link Conversation#readBy}), atomically and
     * durably.
     *
     * @return the header after the change, when the mark moved; empty when the conversation or the message is unknown
     *         or the mark was there already
     */
    Optional<Conversation> markRead(String conversationId, Conversation.Reader reader, String messageId);

    /** The message of one direction stored for an idempotency key, if any. */
    Optional<StoredMessage> find(String conversationId, Direction direction, String idempotencyKey);

    /** A page of the thread (see {@link ThreadPage}); empty for an unknown conversation. */
    MessagePage page(String conversationId, ThreadPage page);

    /**
     * Messages of a thread, oldest first.
     *
     * @param messages    the page's messages, oldest first
     * @param olderCursor what reads the messages before these, or {@code null} when there are none
     */
    record MessagePage(List<StoredMessage> messages, String olderCursor) {
        public static final MessagePage EMPTY = new MessagePage(List.of(), null);

        public MessagePage {
            messages = List.copyOf(messages);
        }
    }
}
