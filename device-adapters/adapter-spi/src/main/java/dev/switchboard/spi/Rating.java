package dev.switchboard.spi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's answer to the satisfaction question the help desk asks when an agent finishes his conversation: a
 * score from 1 (poor) to 5 (very good) and an optional comment.
 *
 * @param score   1 to 5
 * @param comment what the customer added, stripped, at most {@link #MAX_COMMENT_LENGTH} characters; {@code null}
 *                for none (a blank comment is none)
 * @throws IllegalArgumentException when the score is out of range or the comment too long; the message says which
 */
public record Rating(int score, String comment) {
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;
    public static final int MAX_COMMENT_LENGTH = 1000;

    /** A text reply that is a rating: the digit alone, with an optional "/5", full stop or exclamation mark. */
    private static final Pattern REPLY = Pattern.compile("\\s*([1-5])\\s*(?:/\\s*5)?\\s*[.!]?\\s*");

    public Rating {
        if (score < LOWEST || score > HIGHEST) {
            throw new IllegalArgumentException("a rating is a score from " + LOWEST + " to " + HIGHEST + ", was " + score);
        }
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            throw new IllegalArgumentException("a rating's comment has at most " + MAX_COMMENT_LENGTH + " characters");
        }
    }

    /**
     * The rating a text reply gives, on a channel whose question says "reply 1-5" (a text message, a mail): the
     * reply is a digit from 1 to 5 and nothing else ("4", " 5! ", "3/5"). Anything more ("4 stars, thanks", "thanks,
     * and another question") is not a rating but a message.
     */
    public static Optional<Rating> fromReply(String text) {
        if (text == null || text.length() > 12) {
            return Optional.empty();
        }
        Matcher matcher = REPLY.matcher(text);
        return matcher.matches() ? Optional.of(new Rating(matcher.group(1).charAt(0) - '0', null)) : Optional.empty();
    }
}
