package dev.switchboard.adapter.email;

import dev.switchboard.spi.EmailAddress;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text mail from the help desk.
 *
 * @param to         the one recipient
 * @param subject    the subject line
 * @param text       the body
 * @param inReplyTo  the Message-ID this mail answers ({@code <...>}), or {@code null}
 * @param references the Message-IDs of the thread so far, oldest first; empty when it starts one
 */
record OutgoingMail(EmailAddress to, String subject, String text, String inReplyTo, List<String> references) {
    OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A mail that starts a thread of its own. */
    static OutgoingMail fresh(EmailAddress to, String subject, String text) {
        return new OutgoingMail(to, subject, text, null, List.of());
    }
}
