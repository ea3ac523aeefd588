package dev.switchboard.adapter.email;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * GreenMail, a real SMTP and IMAP server, on free loopback ports, with the help desk's mailbox; mails the help
 * desk sends to anyone land in that person's GreenMail mailbox.
 */
final class MailServer implements AutoCloseable {
    static final String DESK = "help@desk.example";
    static final String DESK_LOGIN = "help";
    static final String DESK_PASSWORD = "mailbox-secret";

    private final GreenMail greenMail;
    private final GreenMailUser desk;

    MailServer() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        greenMail.start();
        desk = greenMail.setUser(DESK, DESK_LOGIN, DESK_PASSWORD);
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The email channel's settings for this server, polling every second, with the given overrides. */
    Map<String, String> settings(String... overrides) {
        Map<String, String> values = new HashMap<>();
        values.put(EmailSettings.IMAP_HOST, "127.0.0.1");
        values.put(EmailSettings.IMAP_PORT, String.valueOf(imapPort()));
        values.put(EmailSettings.IMAP_USER, DESK_LOGIN);
        values.put(EmailSettings.IMAP_PASSWORD, DESK_PASSWORD);
        values.put(EmailSettings.IMAP_SSL, "false");
        values.put(EmailSettings.IMAP_FOLDER, "INBOX");
        values.put(EmailSettings.SET_ASIDE_FOLDER, "Set aside");
        values.put(EmailSettings.POLL_SECONDS, "1");
        values.put(EmailSettings.MAX_BYTES, "200000");
        values.put(EmailSettings.SMTP_HOST, "127.0.0.1");
        values.put(EmailSettings.SMTP_PORT, String.valueOf(smtpPort()));
        values.put(EmailSettings.SMTP_USER, "");
        values.put(EmailSettings.SMTP_PASSWORD, "");
        values.put(EmailSettings.SMTP_STARTTLS, "false");
        values.put(EmailSettings.ADDRESS, DESK);
        values.put(EmailSettings.SUBJECT, "Your message to the help desk");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        return values;
    }

    /** Puts a mail straight into the help desk's inbox, as the mail server does with what it receives. */
    void deliverToDesk(MimeMessage mail) {
        desk.deliver(mail);
    }

    /** The mails that reached {@code address} (not the help desk's own inbox). */
    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients() != null && Arrays.stream(m.getAllRecipients())
                        .anyMatch(r -> r.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** How many mails a folder of the help desk's mailbox holds, and how many of them are seen, over IMAP. */
    record FolderState(int mails, int seen) {
    }

    FolderState folder(String name) {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", imapPort(), DESK_LOGIN, DESK_PASSWORD);
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return new FolderState(0, 0);
            }
            folder.open(Folder.READ_ONLY);
            try {
                Message[] messages = folder.getMessages();
                int seen = 0;
                for (Message message : messages) {
                    if (!message.isSet(Flags.Flag.DELETED) && message.isSet(Flags.Flag.SEEN)) {
                        seen++;
                    }
                }
                int kept = (int) Arrays.stream(messages).filter(m -> {
                    try {
                        return !m.isSet(Flags.Flag.DELETED);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).count();
                return new FolderState(kept, seen);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks every mail of the inbox unseen again, as another mail client might. */
    void markInboxUnseen() {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", imapPort(), DESK_LOGIN, DESK_PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), false);
            inbox.close(false);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
