package dev.switchboard.adapter.smpp.text;

import dev.switchboard.smpp.wire.Segments;

/**
 * Pages a long text for SMS: the first page is the longest start that takes at most {@code maxSegments}
 * messages together with the "reply MORE" marker, cut at a space when one is near; the rest waits until
 * the customer asks for more. A text that fits is one page.
 */
public final class AnswerPages {
    /** How far back the cut looks for a space, so that words stay whole. */
    private static final int MAX_WORD_BACKOFF = 20;

    private final int maxSegments;
    private final String moreMarker;

    /**
     * @param maxSegments the most messages one page may take, 1 or more
     * @param moreMarker  what a page with more to come ends with, e.g. {@code " (reply MORE)"}
     */
    public AnswerPages(int maxSegments, String moreMarker) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("an SMS page needs at least one message, was " + maxSegments);
        }
        if (Segments.count(moreMarker) > 1) {
            throw new IllegalArgumentException("the MORE marker must fit in one message: '" + moreMarker + "'");
        }
        this.maxSegments = maxSegments;
        this.moreMarker = moreMarker;
    }

    /**
     * The page to send now and what remains for MORE.
     *
     * @param text the page to send
     * @param rest the text still to come, or {@code null} when this is the last page
     */
    public record Page(String text, String rest) {
    }

    public Page first(String text) {
        if (Segments.count(text) <= maxSegments) {
            return new Page(text, null);
        }
        int low = 1;
        int high = text.length() - 1;
        int fitting = 0;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (Segments.count(page(text, middle)) <= maxSegments) {
                fitting = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        int cut = wholeCodePoints(text, fitting);
        if (!Character.isWhitespace(text.charAt(cut))) {
            for (int i = cut - 1; i > 0 && cut - i <= MAX_WORD_BACKOFF; i--) {
                if (Character.isWhitespace(text.charAt(i))) {
                    cut = i;
                    break;
                }
            }
        }
        return new Page(page(text, cut), text.substring(cut).strip());
    }

    private String page(String text, int length) {
        return text.substring(0, wholeCodePoints(text, length)).stripTrailing() + moreMarker;
    }

    private static int wholeCodePoints(String text, int length) {
        if (length > 0 && length < text.length()
                && Character.isHighSurrogate(text.charAt(length - 1)) && Character.isLowSurrogate(text.charAt(length))) {
            return length - 1;
        }
        return length;
    }
}
