package dev.switchboard.adapter.email;

import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.InvalidAddressException;
import dev.switchboard.spi.Interaction;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a fetched mail into an {@link InboundMail}, or says why the help desk cannot take it: too large, no
 * usable sender, sent by a machine (an out-of-office reply, a bounce: answering it could start a mail loop), or
 * a body that cannot be decoded.
 */
final class MailReader {
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private final EmailAddress desk;
    private final int maxBytes;
    private final Clock clock;

    MailReader(EmailAddress desk, int maxBytes, Clock clock) {
        this.desk = desk;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    InboundMail read(MimeMessage message) throws UnreadableMailException {
        try {
            int size = message.getSize();
            if (size > maxBytes) {
                throw new UnreadableMailException("it is " + size + " bytes, more than the " + maxBytes + " taken");
            }
            EmailAddress from = sender(message);
            if (isAutomatic(message)) {
                throw new UnreadableMailException("it was sent by a machine (Auto-Submitted, a bounce or a bulk mail)");
            }
            String messageId = firstId(message.getHeader("Message-ID", null));
            String text;
            try {
                text = QuotedHistory.strip(MailText.of(message));
            } catch (IOException | MessagingException | RuntimeException e) {
                throw new UnreadableMailException("its text cannot be decoded: " + e.getMessage(), e);
            }
            String subject = message.getSubject() == null ? "" : message.getSubject().strip();
            return new InboundMail(key(messageId, message), messageId, from, subject, text, references(message),
                    receivedAt(message), writtenTo(message));
        } catch (MessagingException e) {
            throw new UnreadableMailException("its headers cannot be read: " + e.getMessage(), e);
        }
    }

    /** The first address the mail was written to ({@code To}), lower case; {@code null} when unreadable or none. */
    private static String writtenTo(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
            return to != null && to.length > 0 && to[0] instanceof InternetAddress address && address.getAddress() != null
                    ? address.getAddress().toLowerCase(Locale.ROOT) : null;
        } catch (MessagingException e) {
            return null;
        }
    }

    /** When the mail server received it (IMAP's INTERNALDATE), never in the future; now when it does not say. */
    private Instant receivedAt(MimeMessage message) throws MessagingException {
        Instant now = clock.instant();
        java.util.Date received = message.getReceivedDate();
        return received == null || received.toInstant().isAfter(now) ? now : received.toInstant();
    }

    private EmailAddress sender(MimeMessage message) throws MessagingException, UnreadableMailException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException e) {
            throw new UnreadableMailException("its sender cannot be read: " + e.getMessage(), e);
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null) {
            throw new UnreadableMailException("it has no sender");
        }
        EmailAddress sender;
        try {
            sender = new EmailAddress(address.getAddress());
        } catch (InvalidAddressException e) {
            throw new UnreadableMailException("its sender is not an address we can answer: " + e.getMessage(), e);
        }
        if (sender.value().equalsIgnoreCase(desk.value())) {
            throw new UnreadableMailException("it comes from the help desk's own address");
        }
        return sender;
    }

    private static boolean isAutomatic(MimeMessage message) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return true;
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
            return true;
        }
        String returnPath = message.getHeader("Return-Path", null);
        return returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")
                || message.isMimeType("multipart/report");
    }

    /** The Message-ID when short enough to be the key, else a digest of it or, without one, of the whole mail. */
    private static String key(String messageId, MimeMessage message) throws UnreadableMailException {
        if (messageId != null && messageId.length() <= Interaction.MAX_KEY_LENGTH) {
            return messageId;
        }
        try {
            byte[] basis;
            if (messageId != null) {
                basis = messageId.getBytes(StandardCharsets.UTF_8);
            } else {
                ByteArrayOutputStream whole = new ByteArrayOutputStream();
                message.writeTo(whole);
                basis = whole.toByteArray();
            }
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(basis));
        } catch (IOException | MessagingException e) {
            throw new UnreadableMailException("it cannot be read whole: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static List<String> references(MimeMessage message) throws MessagingException {
        List<String> ids = new ArrayList<>();
        String references = message.getHeader("References", " ");
        if (references != null) {
            Matcher matcher = MESSAGE_ID.matcher(unfold(references));
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        String inReplyTo = firstId(message.getHeader("In-Reply-To", null));
        if (inReplyTo != null && !ids.contains(inReplyTo)) {
            ids.add(inReplyTo);
        }
        return ids;
    }

    private static String firstId(String header) {
        if (header == null) {
            return null;
        }
        Matcher matcher = MESSAGE_ID.matcher(unfold(header));
        return matcher.find() ? matcher.group() : null;
    }

    private static String unfold(String header) {
        return MimeUtility.unfold(header);
    }
}
