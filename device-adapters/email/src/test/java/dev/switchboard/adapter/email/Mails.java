package dev.switchboard.adapter.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Properties;

/** Customers' mails as mail clients write them. */
final class Mails {
    private static final Session SESSION = Session.getInstance(new Properties());

    private Mails() {
    }

    /** A plain-text mail to the help desk with the given Message-ID (it is kept as given). */
    static MimeMessage text(String from, String subject, String body, String messageId) {
        try {
            MimeMessage mail = new FixedIdMessage(messageId);
            mail.setFrom(new InternetAddress(from));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(MailServer.DESK));
            mail.setSubject(subject, "UTF-8");
            mail.setText(body, "UTF-8");
            mail.setSentDate(new Date());
            mail.saveChanges();
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mail whose only body is HTML. */
    static MimeMessage htmlOnly(String from, String subject, String html, String messageId) {
        try {
            MimeMessage mail = text(from, subject, "", messageId);
            mail.setContent(html, "text/html; charset=UTF-8");
            mail.saveChanges();
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/alternative mail with a plain and an HTML part, and a PDF attached. */
    static MimeMessage alternativeWithAttachment(String from, String subject, String plain, String html,
                                                 String messageId) {
        try {
            MimeMessage mail = text(from, subject, "", messageId);
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plainPart = new MimeBodyPart();
            plainPart.setText(plain, "UTF-8");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setContent(html, "text/html; charset=UTF-8");
            alternative.addBodyPart(plainPart);
            alternative.addBodyPart(htmlPart);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart pdf = new MimeBodyPart();
            pdf.setContent("%PDF-1.4 invoice text that is not the question", "application/pdf");
            pdf.setFileName("invoice.pdf");
            pdf.setDisposition(MimeBodyPart.ATTACHMENT);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(pdf);
            mail.setContent(mixed);
            mail.saveChanges();
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mail read from its raw RFC 5322 text, headers and all. */
    static MimeMessage raw(String text) {
        try {
            return new MimeMessage(SESSION, new java.io.ByteArrayInputStream(
                    text.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message that keeps the Message-ID it was given when saved. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                removeHeader("Message-ID");
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }
}
