package dev.switchboard.hub.domain;

import dev.switchboard.spi.ThreadMessage.Direction;
import java.io.Serializable;
import java.time.Instant;

/**
 * One message of a conversation as the hub keeps it.
 *
 * @param id             unique within the conversation
 * @param channel        the channel id it travelled by
 * @param direction      from the customer or to him
 * @param author         who wrote it, as shown to the customer
 * @param text           the text
 * @param at             when the gateway received or sent it
 * @param idempotencyKey the key of the interaction it belongs to; an inbound message is kept once per key
 */
public record StoredMessage(String id, String channel, Direction direction, String author, String text, Instant at,
                            String idempotencyKey) implements Serializable {
}
