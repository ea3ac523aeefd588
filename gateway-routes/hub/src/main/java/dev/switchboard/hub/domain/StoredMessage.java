package dev.switchboard.hub.domain;

import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.ThreadMessage.Direction;
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
 * @param delivery       how far an outgoing message got, when its channel reports it; otherwise {@code null}
 * @param deliveryDetail the channel's reason for a failed delivery; otherwise {@code null}
 */
public record StoredMessage(String id, String channel, Direction direction, String author, String text, Instant at,
                            String idempotencyKey, DeliveryStatus delivery, String deliveryDetail) {

    /** The author of the help desk's own messages (self-service answers, notices). */
    public static final String HELP_DESK_AUTHOR = "help desk";

    /** A message without a delivery status. */
    public StoredMessage(String id, String channel, Direction direction, String author, String text, Instant at,
                         String idempotencyKey) {
        this(id, channel, direction, author, text, at, idempotencyKey, null, null);
    }

    /**
     * This message with the delivery status a channel reported, or itself when the report changes nothing
     * or would move a final status (delivered, failed) back to an earlier one: receipts may arrive out of order.
     */
    public StoredMessage withDelivery(DeliveryStatus status, String detail) {
        if (isFinal(delivery) || (status == delivery && java.util.Objects.equals(detail, deliveryDetail))) {
            return this;
        }
        return new StoredMessage(id, channel, direction, author, text, at, idempotencyKey, status,
                status == DeliveryStatus.FAILED ? detail : null);
    }

    private static boolean isFinal(DeliveryStatus status) {
        return status == DeliveryStatus.DELIVERED || status == DeliveryStatus.FAILED;
    }
}
