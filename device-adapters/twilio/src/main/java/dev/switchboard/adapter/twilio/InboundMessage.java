package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.InvalidAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One SMS or MMS as Twilio's messaging webhook describes it.
 *
 * @param messageSid Twilio's id of the message, the same on every retry of the webhook
 * @param from       the customer's number
 * @param body       what he wrote (empty for a picture without words)
 * @param media      the pictures, sounds or files of an MMS, in Twilio's order
 */
record InboundMessage(String messageSid, E164Number from, String body, List<Media> media) {
    /** Twilio attaches at most ten media to one message. */
    static final int MAX_MEDIA = 10;

    /** One attachment, kept at Twilio: its address and type. */
    record Media(String url, String contentType) {
    }

    /** A webhook that cannot be taken as a customer's message; the message says why. */
    static final class InvalidMessageException extends Exception {
        InvalidMessageException(String message) {
            super(message);
        }
    }

    /** Reads Twilio's parameters ({@code MessageSid}, {@code From}, {@code Body}, {@code NumMedia}, {@code MediaUrl0}, ...). */
    static InboundMessage parse(Map<String, String> form) throws InvalidMessageException {
        String messageSid = form.getOrDefault("MessageSid", form.getOrDefault("SmsMessageSid", "")).trim();
        if (messageSid.isEmpty()) {
            throw new InvalidMessageException("MessageSid is missing");
        }
        if (messageSid.length() > 64 || !messageSid.matches("[A-Za-z0-9]+")) {
            throw new InvalidMessageException("MessageSid is not a Twilio id: '" + messageSid + "'");
        }
        String from = form.getOrDefault("From", "").trim();
        if (from.isEmpty()) {
            throw new InvalidMessageException("From is missing");
        }
        E164Number number;
        try {
            number = new E164Number(from);
        } catch (InvalidAddressException e) {
            throw new InvalidMessageException("From: " + e.getMessage());
        }
        return new InboundMessage(messageSid, number, form.getOrDefault("Body", ""), media(form));
    }

    private static List<Media> media(Map<String, String> form) throws InvalidMessageException {
        String count = form.getOrDefault("NumMedia", "0").trim();
        int numMedia;
        try {
            numMedia = count.isEmpty() ? 0 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            throw new InvalidMessageException("NumMedia is not a number: '" + count + "'");
        }
        if (numMedia < 0 || numMedia > MAX_MEDIA) {
            throw new InvalidMessageException("NumMedia must be 0 to " + MAX_MEDIA + ", was " + numMedia);
        }
        List<Media> media = new ArrayList<>();
        for (int i = 0; i < numMedia; i++) {
            String url = form.getOrDefault("MediaUrl" + i, "").trim();
            if (url.isEmpty()) {
                throw new InvalidMessageException("NumMedia is " + numMedia + " but MediaUrl" + i + " is missing");
            }
            media.add(new Media(url, form.getOrDefault("MediaContentType" + i, "").trim()));
        }
        return List.copyOf(media);
    }

    /**
     * The message as the help desk keeps it: the words, then one line per attachment with its type and link,
     * so that an agent can open what the customer sent even when he wrote nothing.
     */
    String text() {
        if (media.isEmpty()) {
            return body;
        }
        StringBuilder text = new StringBuilder(body.strip());
        for (Media item : media) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("[").append(item.contentType().isEmpty() ? "media" : item.contentType()).append("] ")
                    .append(item.url());
        }
        return text.toString();
    }
}
