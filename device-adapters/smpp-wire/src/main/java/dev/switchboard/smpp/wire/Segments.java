package dev.switchboard.smpp.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into the parts of one SMS: one part when it fits a single message (160 GSM septets or 70 UCS-2
 * characters), else parts of 153 septets or 67 characters, each to be sent behind a concatenation header.
 * An extension character (escape plus septet) or a surrogate pair is never split across two parts.
 *
 * @param coding the alphabet of every part
 * @param texts  the parts, in order
 */
public record Segments(DataCoding coding, List<String> texts) {

    public Segments {
        texts = List.copyOf(texts);
    }

    /** The parts of {@code text} in the alphabet it needs ({@link DataCoding#forText}). */
    public static Segments of(String text) {
        DataCoding coding = DataCoding.forText(text);
        return new Segments(coding, split(text, coding));
    }

    /** How many messages {@code text} takes. */
    public static int count(String text) {
        return of(text).texts().size();
    }

    public int size() {
        return texts.size();
    }

    /**
     * The short_message octets of each part: a single part as it is; several parts each behind a
     * concatenation header with the 8-bit {@code reference}, the part count and the part's 1-based number.
     * Send them with the UDHI bit of esm_class set when there is more than one.
     */
    public List<byte[]> shortMessages(int reference) {
        List<byte[]> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            byte[] body = coding.encode(texts.get(i));
            if (texts.size() == 1) {
                out.add(body);
                continue;
            }
            byte[] withHeader = new byte[body.length + 6];
            withHeader[0] = 5;
            withHeader[1] = 0x00;
            withHeader[2] = 3;
            withHeader[3] = (byte) reference;
            withHeader[4] = (byte) texts.size();
            withHeader[5] = (byte) (i + 1);
            System.arraycopy(body, 0, withHeader, 6, body.length);
            out.add(withHeader);
        }
        return out;
    }

    private static List<String> split(String text, DataCoding coding) {
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            total += coding.units(codePoint);
            i += Character.charCount(codePoint);
        }
        if (total <= coding.singleMessageUnits()) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = coding.units(codePoint);
            if (used + width > coding.unitsPerPart()) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += width;
            i += Character.charCount(codePoint);
        }
        parts.add(text.substring(start));
        return parts;
    }
}
