package dev.switchboard.adapter.email;

import dev.switchboard.spi.EmailAddress;
import java.time.Instant;
import java.util.List;

/**
 * A customer's mail as the help desk takes it.
 *
 * @param key        its idempotency key: the Message-ID, or a digest of the mail when it has none or a very long one
 * @param messageId  its Message-ID as written ({@code <...>}), or {@code null} when it has none
 * @param from       the sender
 * @param subject    the subject line, {@code ""} when it has none
 * @param text       what the customer wrote: the plain-text body without the quoted history
 * @param references the Message-IDs of the thread before it, oldest first
 * @param receivedAt when the desk's mail server received it: the sender's {@code Date} header is his clock's
 *                   word, and a wrong one would put the mail out of place in the thread
 * @param writtenTo  the first address of its {@code To} header, lower case (which of the desk's addresses the
 *                   customer wrote to, for routing rules), or {@code null} when it has none
 */
record InboundMail(String key, String messageId, EmailAddress from, String subject, String text,
                   List<String> references, Instant receivedAt, String writtenTo) {

    InboundMail {
        references = List.copyOf(references);
    }

    /** What the customer asks: the subject too when it starts a thread (it often carries the question). */
    String question() {
        boolean reply = subject.regionMatches(true, 0, "re:", 0, 3);
        if (subject.isBlank() || reply || text.contains(subject)) {
            return text;
        }
        return text.isEmpty() ? subject : subject + "\n\n" + text;
    }
}
