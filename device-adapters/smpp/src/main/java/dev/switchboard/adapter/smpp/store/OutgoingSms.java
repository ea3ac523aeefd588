package dev.switchboard.adapter.smpp.store;

import java.util.Objects;

/**
 * One text to send to one phone, as the outbox keeps it. Whatever the adapter sends goes this way: the hub's
 * answers and the adapter's own replies (the HELP menu, STOP's confirmation), and later agents' replies.
 *
 * @param key            unique per text; a second text with the same key is the same text enqueued again
 *                       (an SMS delivered twice, a retried call) and is not sent twice
 * @param recipient      the phone number, E.164
 * @param text           the text, sent in as many concatenated parts as it needs
 * @param conversationId the hub's conversation the text belongs to, or {@code null} for the adapter's own
 * @param messageId      the text's message id in that conversation, for delivery reports, or {@code null}
 * @param evenIfOptedOut whether it goes out to a number that opted out (only STOP's confirmation does)
 */
public record OutgoingSms(String key, String recipient, String text, String conversationId, String messageId,
                          boolean evenIfOptedOut) {
    public OutgoingSms {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
    }

    /** Whether the hub tracks this text as a message of a thread, so that its fate is reported. */
    public boolean tracked() {
        return conversationId != null && messageId != null;
    }
}
