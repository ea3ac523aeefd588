package dev.switchboard.render;

import java.util.Objects;

/**
 * The length and alphabet budget of an SMS reply.
 *
 * <p><b>Alphabet.</b> A text is sent in the GSM 03.38 7-bit default alphabet when every character is in
 * it; the characters of its extension table ({@code ^ { } \ [ ~ ] |}, {@code €} and form feed) cost two
 * septets each (escape plus character). Any other character makes the whole text UCS-2, counted in
 * UTF-16 code units, so a character outside the Basic Multilingual Plane (an emoji) costs two.
 *
 * <p><b>Segments.</b> One message carries 160 septets or 70 UCS-2 units; a longer text is split into
 * concatenated parts of 153 septets or 67 units (the rest of each part is the concatenation header). An
 * extension character or a surrogate pair is never split across two parts, so a part may carry one unit
 * less. An empty text is one (empty) message.
 *
 * <p><b>Trimming.</b> {@link #fit(String)} keeps a text that needs at most {@link #maxSegments()}
 * messages as it is. A longer one is cut to the longest start that, with the {@link #continuation()}
 * marker appended, fits; the cut moves back to the last space when that is at most
 * {@value #MAX_WORD_BACKOFF} characters back, so words stay whole. The budget is measured on the final
 * text: a UCS-2 character that is cut away no longer costs the text its GSM alphabet.
 *
 * <p>The SMPP and Twilio adapters use {@link #measure(CharSequence)} to choose the data coding and count
 * parts with the same rules. Immutable and thread-safe.
 */
public final class SmsBudget {
    /** Messages a reply may take unless configured otherwise. */
    public static final int DEFAULT_MAX_SEGMENTS = 4;
    /** The marker of a trimmed text: three full stops, because the ellipsis character is not GSM and would force UCS-2. */
    public static final String DEFAULT_CONTINUATION = "...";
    /** How far back {@link #fit(String)} looks for a space to cut at. */
    public static final int MAX_WORD_BACKOFF = 20;

    /** How a text is encoded in an SMS, with the capacity of one message and of each part of a longer one. */
    public enum Encoding {
        /** GSM 03.38 default alphabet, counted in septets. */
        GSM_7BIT(160, 153),
        /** UCS-2, counted in UTF-16 code units. */
        UCS2(70, 67);

        private final int singleMessageUnits;
        private final int unitsPerPart;

        Encoding(int singleMessageUnits, int unitsPerPart) {
            this.singleMessageUnits = singleMessageUnits;
            this.unitsPerPart = unitsPerPart;
        }

        /** Units one unsplit message carries: 160 septets or 70 UCS-2 units. */
        public int singleMessageUnits() {
            return singleMessageUnits;
        }

        /** Units each part of a concatenated message carries: 153 septets or 67 UCS-2 units. */
        public int unitsPerPart() {
            return unitsPerPart;
        }
    }

    /**
     * What a text costs as an SMS.
     *
     * @param encoding the alphabet it must be sent in
     * @param units    its length in that alphabet: septets for GSM, UTF-16 code units for UCS-2
     * @param segments how many messages it takes (1 or more)
     */
    public record SmsSize(Encoding encoding, int units, int segments) {
    }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";
    private static final char EURO = '€';
    /** Septets per character below U+0400 (every GSM character but the euro sign lies there); 0 = not GSM. */
    private static final byte[] SEPTETS = new byte[0x400];

    static {
        for (char c : GSM_BASIC.toCharArray()) {
            SEPTETS[c] = 1;
        }
        for (char c : GSM_EXTENSION.toCharArray()) {
            if (c != EURO) {
                SEPTETS[c] = 2;
            }
        }
    }

    private final int maxSegments;
    private final String continuation;

    /** {@value #DEFAULT_MAX_SEGMENTS} messages at most, trimmed texts end with {@value #DEFAULT_CONTINUATION}. */
    public SmsBudget() {
        this(DEFAULT_MAX_SEGMENTS, DEFAULT_CONTINUATION);
    }

    /**
     * @param maxSegments  the most messages one reply may take, 1 or more
     * @param continuation what a trimmed text ends with, for example {@code "..."} or {@code " (reply MORE)"};
     *                     it must fit in one message by itself
     */
    public SmsBudget(int maxSegments, String continuation) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("an SMS budget needs at least one message, was " + maxSegments);
        }
        Objects.requireNonNull(continuation, "continuation marker");
        if (measure(continuation).segments() > 1) {
            throw new IllegalArgumentException("the continuation marker must fit in one message: '" + continuation + "'");
        }
        this.maxSegments = maxSegments;
        this.continuation = continuation;
    }

    public int maxSegments() {
        return maxSegments;
    }

    public String continuation() {
        return continuation;
    }

    /** Whether {@code text} takes at most {@link #maxSegments()} messages. */
    public boolean fits(CharSequence text) {
        return measure(text).segments() <= maxSegments;
    }

    /**
     * {@code text} itself when it {@link #fits}; otherwise its longest start that fits together with the
     * {@link #continuation()} marker, cut at a space when one is near (see the class comment).
     */
    public String fit(String text) {
        if (fits(text)) {
            return text;
        }
        // Longest prefix that fits with the marker. Fitting is monotonic in the prefix length: a longer
        // prefix never costs fewer units, and switching from GSM to UCS-2 only makes it cost more.
        int fitting = 0;
        int low = 1;
        int high = text.length();
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (fits(withMarker(text, middle))) {
                fitting = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        int cut = wholeCodePoints(text, fitting);
        if (cut < text.length() && !Character.isWhitespace(text.charAt(cut))) {
            int space = lastWhitespaceBefore(text, cut);
            if (space > 0 && cut - space <= MAX_WORD_BACKOFF) {
                cut = space;
            }
        }
        return withMarker(text, cut);
    }

    private String withMarker(String text, int length) {
        return text.substring(0, wholeCodePoints(text, length)).stripTrailing() + continuation;
    }

    /** {@code length}, or one less when it would split a surrogate pair. */
    private static int wholeCodePoints(String text, int length) {
        if (length > 0 && length < text.length()
                && Character.isHighSurrogate(text.charAt(length - 1)) && Character.isLowSurrogate(text.charAt(length))) {
            return length - 1;
        }
        return length;
    }

    private static int lastWhitespaceBefore(String text, int end) {
        for (int i = end - 1; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The encoding, length and number of messages of {@code text}. */
    public static SmsSize measure(CharSequence text) {
        Encoding encoding = encodingOf(text);
        int units = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            units += width(codePoint, encoding);
            i += Character.charCount(codePoint);
        }
        return new SmsSize(encoding, units, segments(text, encoding, units));
    }

    /** {@link Encoding#GSM_7BIT} when every character of {@code text} is in the GSM default alphabet or its extension. */
    public static Encoding encodingOf(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (gsmSeptets(text.charAt(i)) == 0) {
                return Encoding.UCS2;
            }
        }
        return Encoding.GSM_7BIT;
    }

    /**
     * The septets a character costs in the GSM 03.38 default alphabet: 1 for the basic table, 2 for the
     * extension table, 0 when the character is not in the alphabet.
     */
    public static int gsmSeptets(int codePoint) {
        if (codePoint == EURO) {
            return 2;
        }
        return codePoint >= 0 && codePoint < SEPTETS.length ? SEPTETS[codePoint] : 0;
    }

    private static int width(int codePoint, Encoding encoding) {
        return encoding == Encoding.GSM_7BIT ? gsmSeptets(codePoint) : Character.charCount(codePoint);
    }

    private static int segments(CharSequence text, Encoding encoding, int units) {
        if (units <= encoding.singleMessageUnits()) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            int width = width(codePoint, encoding);
            if (used + width > encoding.unitsPerPart()) {
                parts++;
                used = 0;
            }
            used += width;
            i += Character.charCount(codePoint);
        }
        return parts;
    }
}
