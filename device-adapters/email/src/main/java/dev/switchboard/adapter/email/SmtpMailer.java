package dev.switchboard.adapter.email;

import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.NoticeMailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place mail leaves the gateway: sends plain-text UTF-8 mails from the help desk's address through the
 * configured SMTP server, a connection per mail. Also carries the help desk's notices to agents. Thread-safe.
 */
final class SmtpMailer implements NoticeMailer {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final String TIMEOUT_MILLIS = "20000";

    private final EmailSettings settings;
    private final Session session;

    SmtpMailer(EmailSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.smtp().host());
        properties.setProperty("mail.smtp.port", String.valueOf(settings.smtp().port()));
        properties.setProperty("mail.smtp.auth", String.valueOf(settings.smtp().authenticates()));
        properties.setProperty("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        properties.setProperty("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.from", settings.deskAddress().value());
        this.session = Session.getInstance(properties);
    }

    /**
     * Sends one mail and returns its Message-ID.
     *
     * @throws IllegalStateException when the server did not take it; the message says why
     */
    String send(OutgoingMail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.deskAddress().value(), "Help desk", "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to().value()));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.text(), "UTF-8");
            message.setSentDate(new Date());
            if (mail.inReplyTo() != null) {
                message.setHeader("In-Reply-To", mail.inReplyTo());
            }
            if (!mail.references().isEmpty()) {
                message.setHeader("References", String.join(" ", mail.references()));
            }
            message.saveChanges();
            if (settings.smtp().authenticates()) {
                Transport.send(message, settings.smtp().user(), settings.smtp().password());
            } else {
                Transport.send(message);
            }
            LOG.info("Mailed {} to {} through {}", message.getMessageID(), mail.to().value(), settings.smtp());
            return message.getMessageID();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("the mail server " + settings.smtp().host() + ":" + settings.smtp().port()
                    + " did not take the mail to " + mail.to().value() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void send(EmailAddress to, String subject, String text) {
        send(OutgoingMail.fresh(to, subject, text));
    }
}
