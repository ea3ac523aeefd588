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
 */
public record OutboundMessage(String messageId, String conversationId, Channel channel, CustomerAddress address,
                              Reply reply) {
    public OutboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reply, "reply");
    }
}
