package dev.switchboard.spi;

import java.util.Objects;

/**
 * A message the help desk originates (an agent's answer), for an adapter to carry to the customer. It is
 * in the customer's thread before it is handed over.
 *
 * @param messageId      the message's id in the thread; the same id again is the same message (a retry)
 * @param conversationId the customer's conversation
 * @param channel        the channel it goes by, one the adapter registered for
 * @param address        where the customer is reached on that channel
 * @param reply          what to say, unrendered: render it for the device with {@link AdapterContext#renderer()}
 * @param rating         when the message is the satisfaction question, what the adapter needs to ask it in the
 *                       device's own way ({@link RatingRequest}); {@code null} for any other message. An adapter that
 *                       does nothing special sends the reply's text, which asks for "a number from 1 to 5"
 */
public record OutboundMessage(String messageId, String conversationId, Channel channel, CustomerAddress address,
                              Reply reply, RatingRequest rating) {
    public OutboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reply, "reply");
    }

    /** A message that is not the satisfaction question. */
    public OutboundMessage(String messageId, String conversationId, Channel channel, CustomerAddress address,
                           Reply reply) {
        this(messageId, conversationId, channel, address, reply, null);
    }

    /** Whether this is the satisfaction question. */
    public boolean asksForRating() {
        return rating != null;
    }
}
