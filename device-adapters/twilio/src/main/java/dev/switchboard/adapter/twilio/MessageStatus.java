package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.DeliveryStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's {@code MessageStatus} of an outgoing message, as its status callbacks report it, with the
 * {@link DeliveryStatus} the help desk shows for it.
 */
enum MessageStatus {
    ACCEPTED(DeliveryStatus.QUEUED), SCHEDULED(DeliveryStatus.QUEUED), QUEUED(DeliveryStatus.QUEUED),
    SENDING(DeliveryStatus.QUEUED),
    SENT(DeliveryStatus.SENT),
    DELIVERED(DeliveryStatus.DELIVERED), READ(DeliveryStatus.DELIVERED),
    UNDELIVERED(DeliveryStatus.FAILED), FAILED(DeliveryStatus.FAILED), CANCELED(DeliveryStatus.FAILED),
    PARTIALLY_DELIVERED(DeliveryStatus.FAILED);

    private final DeliveryStatus delivery;

    MessageStatus(DeliveryStatus delivery) {
        this.delivery = delivery;
    }

    /** How far the message got, as the help desk shows it. */
    DeliveryStatus delivery() {
        return delivery;
    }

    /** Twilio's lower-case name ({@code delivered}, {@code partially_delivered}); empty for one we do not know. */
    static Optional<MessageStatus> fromTwilio(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String twilioName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
