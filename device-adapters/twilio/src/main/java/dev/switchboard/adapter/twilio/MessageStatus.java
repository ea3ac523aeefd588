package dev.switchboard.adapter.twilio;

import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's {@code MessageStatus} of an outgoing message, as its status callbacks report it. Grouped the way the
 * help desk shows a message's fate: waiting, handed to the network, delivered, or failed.
 */
enum MessageStatus {
    ACCEPTED(Progress.WAITING), SCHEDULED(Progress.WAITING), QUEUED(Progress.WAITING), SENDING(Progress.WAITING),
    SENT(Progress.SENT),
    DELIVERED(Progress.DELIVERED), READ(Progress.DELIVERED),
    UNDELIVERED(Progress.FAILED), FAILED(Progress.FAILED), CANCELED(Progress.FAILED),
    PARTIALLY_DELIVERED(Progress.FAILED);

    /** How far the message got. DELIVERED and FAILED are final. */
    enum Progress { WAITING, SENT, DELIVERED, FAILED }

    private final Progress progress;

    MessageStatus(Progress progress) {
        this.progress = progress;
    }

    Progress progress() {
        return progress;
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
