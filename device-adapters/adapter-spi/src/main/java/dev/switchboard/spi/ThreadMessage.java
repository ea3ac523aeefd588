package dev.switchboard.spi;

import java.time.Instant;

/**
 * One message of a customer's conversation thread as the customer may see it.
 *
 * @param id        the message's id, unique in the thread
 * @param channel   the medium it travelled by
 * @param direction whether the customer sent it or received it
 * @param author    who wrote it as shown to the customer ({@code "you"}, an agent's display name, {@code "help desk"})
 * @param text      the text
 * @param at        when the gateway received or sent it
 * @param delivery  for an outgoing message on a channel that reports it, how far it got; otherwise {@code null}
 * @param deliveryDetail why delivery failed, as the channel said it (an SMSC's error code); otherwise {@code null}
 */
public record ThreadMessage(String id, Channel channel, Direction direction, String author, String text, Instant at,
                            DeliveryStatus delivery, String deliveryDetail) {

    /** A message without a delivery status. */
    public ThreadMessage(String id, Channel channel, Direction direction, String author, String text, Instant at) {
        this(id, channel, direction, author, text, at, null, null);
    }

    /** Seen from the help desk: {@code INBOUND} came from the customer, {@code OUTBOUND} went to him. */
    public enum Direction { INBOUND, OUTBOUND }
}
