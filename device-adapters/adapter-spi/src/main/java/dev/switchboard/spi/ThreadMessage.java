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
 */
public record ThreadMessage(String id, Channel channel, Direction direction, String author, String text, Instant at) {

    /** Seen from the help desk: {@code INBOUND} came from the customer, {@code OUTBOUND} went to him. */
    public enum Direction { INBOUND, OUTBOUND }
}
