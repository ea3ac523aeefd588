package dev.switchboard.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * GreenMail, a real SMTP and IMAP server, on free loopback ports, holding the help desk's mailbox; whatever the
 * gateway mails to anyone lands in that person's mailbox here.
 */
public final class TestMailServer implements AutoCloseable {
    public static final String DESK = "help@desk.example";
    private static final String LOGIN = "help";
    private static final String PASSWORD = "mailbox-secret";

    private final GreenMail greenMail;

    public TestMailServer() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        greenMail.start();
        greenMail.setUser(DESK, LOGIN, PASSWORD);
    }

    /** The gateway's email settings for this server: plain IMAP and SMTP on loopback, a look every second. */
    public Map<String, String> gatewaySettings() {
        return Map.ofEntries(
                Map.entry("switchboard.email.imap.host", "127.0.0.1"),
                Map.entry("switchboard.email.imap.port", String.valueOf(greenMail.getImap().getPort())),
                Map.entry("switchboard.email.imap.user", LOGIN),
                Map.entry("switchboard.email.imap.password", PASSWORD),
                Map.entry("switchboard.email.imap.ssl", "false"),
                Map.entry("switchboard.email.poll-seconds", "1"),
                Map.entry("switchboard.email.smtp.host", "127.0.0.1"),
                Map.entry("switchboard.email.smtp.port", String.valueOf(greenMail.getSmtp().getPort())),
                Map.entry("switchboard.email.smtp.starttls", "false"),
                Map.entry("switchboard.email.address", DESK));
    }

    /** A customer sends the help desk a plain-text mail (through the server's SMTP port, as any mail client). */
    public void mailTheDesk(String from, String subject, String text, String messageId) {
        try {
            Properties properties = new Properties();
            properties.setProperty("mail.smtp.host", "127.0.0.1");
            properties.setProperty("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
            MimeMessage mail = new MimeMessage(Session.getInstance(properties)) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mail.setFrom(new InternetAddress(from));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(DESK));
            mail.setSubject(subject, "UTF-8");
            mail.setText(text, "UTF-8");
            mail.setSentDate(new Date());
            jakarta.mail.Transport.send(mail);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mail that reached someone: who sent it, its subject, threading headers and text. */
    public record Received(String from, String subject, String inReplyTo, String references, String text) {
    }

    /** The mails that reached {@code address}, in the order they came. */
    public List<Received> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> to(m, address)).map(m -> {
            try {
                return new Received(m.getFrom()[0].toString(), m.getSubject(), m.getHeader("In-Reply-To", null),
                        m.getHeader("References", null), String.valueOf(m.getContent()).strip());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static boolean to(MimeMessage mail, String address) {
        try {
            return mail.getAllRecipients() != null
                    && Arrays.stream(mail.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many mails of the help desk's inbox are marked seen, read over IMAP. */
    public int seenInInbox() {
        return inInbox(inbox -> {
            int seen = 0;
            for (Message mail : inbox.getMessages()) {
                seen += mail.isSet(Flags.Flag.SEEN) ? 1 : 0;
            }
            return seen;
        });
    }

    /** Marks every mail of the help desk's inbox unseen again, as another mail client might. */
    public void markInboxUnseen() {
        inInbox(inbox -> {
            if (inbox.getMessageCount() > 0) {
                inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), false);
            }
            return null;
        });
    }

    private interface InboxWork<T> {
        T run(Folder inbox) throws MessagingException;
    }

    private <T> T inInbox(InboxWork<T> work) {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), LOGIN, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                return work.run(inbox);
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
