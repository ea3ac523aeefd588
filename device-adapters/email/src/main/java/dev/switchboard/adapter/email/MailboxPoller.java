package dev.switchboard.adapter.email;

import dev.switchboard.spi.AdapterStore;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks into the help desk's mailbox for mails not seen yet and takes each to the help desk. A mail is marked
 * seen only after the help desk stored it and its answer left: a mail the help desk could not take now, or
 * whose answer could not be sent, stays unseen and is taken again at the next look, where the help desk
 * knows it by its Message-ID and processes it once. A mail the help desk can never take (no sender, too large,
 * undecodable, automatic, refused) is moved to the set-aside folder with a log line, and the next mail goes on.
 *
 * <p>One node of the cluster looks, the one holding the mailbox's lease; it asks whether it still holds it before
 * each mail, and leaves the rest to the next holder when it does not.
 */
final class MailboxPoller {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);
    private static final String TIMEOUT_MILLIS = "20000";
    /** How long a mail's answer is remembered as sent, against answering a mail taken twice. */
    static final Duration ANSWER_MEMORY = Duration.ofDays(7);

    /** What one look into the mailbox did. */
    record Look(int taken, int setAside, int leftForLater) {
    }

    private final EmailSettings settings;
    private final Session session;
    private final MailReader reader;
    private final HelpDesk helpDesk;
    private final MailThreads threads;
    private final SmtpMailer mailer;
    private final AdapterStore answered;

    /**
     * @param answered the mails whose immediate answer left (or is leaving), by idempotency key, in the gateway's
     *                 database for {@link #ANSWER_MEMORY}: a mail taken again (left unseen across a restart, or by
     *                 another node) is answered once
     */
    MailboxPoller(EmailSettings settings, MailReader reader, HelpDesk helpDesk, MailThreads threads, SmtpMailer mailer,
                  AdapterStore answered) {
        this.settings = settings;
        this.reader = reader;
        this.helpDesk = helpDesk;
        this.threads = threads;
        this.mailer = mailer;
        this.answered = answered;
        String protocol = protocol();
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        // Reading a body must not mark the mail seen: only a mail the help desk stored is.
        properties.setProperty("mail." + protocol + ".peek", "true");
        this.session = Session.getInstance(properties);
    }

    private String protocol() {
        return settings.imapSsl() ? "imaps" : "imap";
    }

    /** The mailbox as the logs and {@code /health} name it. */
    String mailbox() {
        return protocol() + "://" + settings.imap() + "/" + settings.folder();
    }

    /**
     * One look: every unseen mail of the folder, oldest first, while {@code stillHolds} says this node holds the
     * mailbox's lease (asked before each mail).
     *
     * @throws MessagingException when the mailbox cannot be reached or read; nothing was lost, the next look tries
     */
    Look look(BooleanSupplier stillHolds) throws MessagingException {
        try (Store store = session.getStore(protocol())) {
            store.connect(settings.imap().host(), settings.imap().port(), settings.imap().user(),
                    settings.imap().password());
            Folder inbox = store.getFolder(settings.folder());
            inbox.open(Folder.READ_WRITE);
            int taken = 0;
            int setAside = 0;
            int later = 0;
            try {
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (!stillHolds.getAsBoolean()) {
                        LOG.warn("This node no longer holds the lease of mailbox {}; the next mails are left to its holder",
                                mailbox());
                        later++;
                        break;
                    }
                    switch (take(store, inbox, (MimeMessage) message)) {
                        case TAKEN -> taken++;
                        case SET_ASIDE -> setAside++;
                        case LATER -> later++;
                    }
                }
            } finally {
                inbox.close(true);
            }
            return new Look(taken, setAside, later);
        }
    }

    private enum Fate { TAKEN, SET_ASIDE, LATER }

    private Fate take(Store store, Folder inbox, MimeMessage message) throws MessagingException {
        if (message.isExpunged()) {
            return Fate.LATER;
        }
        InboundMail mail;
        try {
            mail = reader.read(message);
        } catch (UnreadableMailException e) {
            setAside(store, inbox, message, e.getMessage());
            return Fate.SET_ASIDE;
        }
        Outcome outcome;
        try {
            outcome = helpDesk.submit(new Interaction(mail.key(), Channel.EMAIL, DeviceProfile.EMAIL, mail.from(),
                    mail.question(), DeviceContext.EMPTY, mail.receivedAt()).sentTo(mail.writtenTo()), null);
        } catch (IllegalArgumentException e) {
            setAside(store, inbox, message, "the help desk refused it: " + e.getMessage());
            return Fate.SET_ASIDE;
        } catch (RuntimeException e) {
            LOG.warn("The help desk could not take the mail {} from {} now (taken again at the next look): {}",
                    mail.key(), mail.from().value(), e.toString());
            return Fate.LATER;
        }
        threads.remember(mail);
        if (!answer(mail, outcome)) {
            return Fate.LATER;
        }
        message.setFlag(Flags.Flag.SEEN, true);
        LOG.info("Took mail {} from {} into conversation {}{}", mail.key(), mail.from().value(),
                outcome.conversationId(), outcome.duplicate() ? " (a mail taken before)" : "");
        return Fate.TAKEN;
    }

    /** Mails the help desk's immediate answer once per mail; false when it could not be sent (tried again later). */
    private boolean answer(InboundMail mail, Outcome outcome) {
        if (!answered.putIfAbsent(mail.key(), String.valueOf(outcome.conversationId()), ANSWER_MEMORY)) {
            return true;
        }
        try {
            mailer.send(threads.answer(mail.from(), outcome.rendered().body()));
            return true;
        } catch (IllegalStateException e) {
            answered.remove(mail.key());
            LOG.warn("The answer to mail {} from {} was not sent (the mail stays unseen, tried again at the next look): {}",
                    mail.key(), mail.from().value(), e.getMessage());
            return false;
        }
    }

    private void setAside(Store store, Folder inbox, MimeMessage message, String reason) throws MessagingException {
        String subject = safeSubject(message);
        try {
            Folder aside = store.getFolder(settings.setAside());
            if (!aside.exists() && !aside.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("folder " + settings.setAside() + " cannot be created");
            }
            inbox.copyMessages(new Message[] {message}, aside);
            message.setFlag(Flags.Flag.DELETED, true);
            LOG.warn("Set aside mail '{}' in folder {}: {}", subject, settings.setAside(), reason);
        } catch (MessagingException e) {
            // Marked seen instead, so it never blocks the mailbox; a person finds it there.
            message.setFlag(Flags.Flag.SEEN, true);
            LOG.warn("Mail '{}' cannot be taken ({}) nor moved to folder {} ({}): left seen in {}", subject, reason,
                    settings.setAside(), e.getMessage(), settings.folder());
        }
    }

    private static String safeSubject(MimeMessage message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject.replaceAll("\\p{Cntrl}", " ");
        } catch (MessagingException | RuntimeException e) {
            return "(unreadable subject)";
        }
    }
}
