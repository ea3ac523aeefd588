package dev.switchboard.adapter.email;

import dev.switchboard.spi.EmailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/**
 * The last mail each customer sent, so that the help desk's answers join his mail thread: "Re:" his subject,
 * In-Reply-To his Message-ID, References the thread. Kept in a map every node shares, for a while after his
 * last mail; an answer to a customer it forgot (or who never mailed) starts a thread with the desk's subject.
 */
final class MailThreads {
    /** Mail clients fold long headers but some refuse very long References: keep the first and the newest. */
    private static final int MAX_REFERENCES = 20;

    /** What an answer needs of the customer's last mail. */
    record LastMail(String messageId, String subject, List<String> references) {
    }

    private final ConcurrentMap<String, LastMail> lastMails;
    private final String deskSubject;

    MailThreads(ConcurrentMap<String, LastMail> lastMails, String deskSubject) {
        this.lastMails = lastMails;
        this.deskSubject = deskSubject;
    }

    void remember(InboundMail mail) {
        lastMails.put(mail.from().value(), new LastMail(mail.messageId(), mail.subject(), mail.references()));
    }

    /** The mail that says {@code text} to {@code to}, in his thread when there is one. */
    OutgoingMail answer(EmailAddress to, String text) {
        LastMail last = lastMails.get(to.value());
        if (last == null) {
            return OutgoingMail.fresh(to, deskSubject, text);
        }
        String subject = last.subject().isBlank() ? deskSubject : last.subject();
        if (!subject.regionMatches(true, 0, "re:", 0, 3)) {
            subject = "Re: " + subject;
        }
        if (last.messageId() == null) {
            return OutgoingMail.fresh(to, subject, text);
        }
        List<String> references = new ArrayList<>(last.references());
        references.add(last.messageId());
        while (references.size() > MAX_REFERENCES) {
            references.remove(1);
        }
        return new OutgoingMail(to, subject, text, last.messageId(), references);
    }
}
