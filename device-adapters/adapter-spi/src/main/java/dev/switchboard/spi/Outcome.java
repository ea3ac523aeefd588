package dev.switchboard.spi;

/**
 * What the help desk made of one {@link Interaction}, stored before it is returned.
 *
 * @param conversationId the customer's conversation the message was added to
 * @param customerToken  the secret that lets the customer read this conversation through
 *                       {@link HelpDesk#conversation}; present when it was issued by this interaction
 *                       or presented with it, otherwise {@code null} (it is stored only as a hash)
 * @param reply          the reply
 * @param rendered       the reply rendered for the interaction's device profile
 * @param duplicate      {@code true} when the idempotency key had been seen: nothing was processed again
 * @param replyMessageId the id of the reply as a message of the thread, for
 *                       {@link HelpDesk#reportDelivery}; the same id for a repeat. {@code null} when the
 *                       help desk keeps no such message
 */
public record Outcome(String conversationId, String customerToken, Reply reply, RenderedReply rendered,
                      boolean duplicate, String replyMessageId) {

    /** An outcome whose reply is not tracked as a message of the thread. */
    public Outcome(String conversationId, String customerToken, Reply reply, RenderedReply rendered, boolean duplicate) {
        this(conversationId, customerToken, reply, rendered, duplicate, null);
    }
}
