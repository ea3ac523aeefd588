package dev.switchboard.adapter.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.UnsupportedEncodingException;

/**
 * The words of a mail: its plain-text part, or the text of its HTML part when it has no plain one. Attachments,
 * forwarded mails and other media are left out.
 */
final class MailText {
    private MailText() {
    }

    /**
     * @throws UnsupportedEncodingException when the text's charset is unknown
     * @throws IOException                  when its transfer encoding is broken
     */
    static String of(Part part) throws MessagingException, IOException {
        String text = find(part, "text/plain");
        if (text == null) {
            String html = find(part, "text/html");
            text = html == null ? "" : HtmlText.toText(html);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The first body part of that type that is not an attachment, depth first. */
    private static String find(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            throw new UnsupportedEncodingException("a " + type + " part that is not text");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
