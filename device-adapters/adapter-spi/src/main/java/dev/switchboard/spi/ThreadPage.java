package dev.switchboard.spi;

/**
 * Which part of a conversation thread to read: at most {@code limit} messages, the newest ones older than the
 * cursor {@code before} (or the newest of all when it is {@code null}). A thread is read newest first, one page
 * at a time: the page's {@link ConversationView#olderCursor()} asks for the page before it.
 *
 * @param before a cursor from {@link ConversationView#olderCursor()}, or {@code null} for the newest messages
 * @param limit  how many messages at most, 1 to {@link #MAX_LIMIT}
 */
public record ThreadPage(String before, int limit) {
    /** The page size when a client names none. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page a client may ask for. */
    public static final int MAX_LIMIT = 200;

    public ThreadPage {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " messages, not " + limit);
        }
        if (before != null && !isCursor(before)) {
            throw new IllegalArgumentException("'" + before + "' is not a cursor of this thread: pass the one a page gave");
        }
    }

    /** The newest messages, as many as {@link #DEFAULT_LIMIT}. */
    public static ThreadPage newest() {
        return new ThreadPage(null, DEFAULT_LIMIT);
    }

    /**
     * A page as a client asks for it in its query (both may be absent or blank: the newest page of the default size).
     *
     * @throws IllegalArgumentException when the limit is not a number in range or the cursor is not one; the message
     *                                  says which, for the client
     */
    public static ThreadPage of(String before, String limit) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limit must be a number from 1 to " + MAX_LIMIT + ", not '" + limit + "'");
            }
        }
        return new ThreadPage(before == null || before.isBlank() ? null : before.strip(), size);
    }

    /** The position in the thread the cursor stands for (messages before it are read). */
    public long beforePosition() {
        return before == null ? Long.MAX_VALUE : Long.parseLong(before);
    }

    /** The cursor that reads the messages before {@code position}. */
    public static String cursorBefore(long position) {
        return Long.toString(position);
    }

    private static boolean isCursor(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
