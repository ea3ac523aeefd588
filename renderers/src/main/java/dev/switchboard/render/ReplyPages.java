package dev.switchboard.render;

import dev.switchboard.spi.PageNavigation;
import dev.switchboard.spi.PageNotFoundException;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Splits a reply into pages that fit a byte budget once rendered, each with a "more" link to the next.
 *
 * <p>A reply is a row of pieces: an answer's words, then its nearby service points, then its topics; a
 * queue status's nearby service points (its text and queue position head every page); a conversation's
 * messages, newest first. Page 1 starts with the first piece and takes as many as fit; each next page
 * starts where the one before ended, so a service point is never split across pages. A conversation
 * message too long for a page by itself is shortened to fit; a single word, point or topic that does not
 * fit is shown anyway (the page is then over budget). Other views are one page. Rendering is fast (microseconds), so a page is found by trying sizes (binary search) and page
 * {@code n} is found by laying out the pages before it.
 */
final class ReplyPages {
    static final String SHORTENED = "...";

    private final Reply reply;
    private final List<String> words;
    private final List<ThreadMessage> newestFirst;
    private final int pieces;

    private ReplyPages(Reply reply) {
        this.reply = reply;
        this.words = reply.view() == Reply.View.ANSWER && !reply.text().isBlank()
                ? Arrays.asList(reply.text().strip().split("\\s+")) : List.of();
        List<ThreadMessage> thread = new ArrayList<>(reply.view() == Reply.View.CONVERSATION ? reply.thread() : List.of());
        thread.sort(Comparator.comparing(ThreadMessage::at, Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        this.newestFirst = thread;
        this.pieces = switch (reply.view()) {
            case ANSWER -> words.size() + reply.nearby().size() + reply.topics().size();
            case QUEUE_STATUS -> reply.nearby().size();
            case CONVERSATION -> newestFirst.size();
            default -> 0;
        };
    }

    /**
     * The rendered page {@code navigation.page()} of {@code reply}.
     *
     * @param draw renders a part of the reply with the given "more" link ("" for none)
     */
    static String render(Reply reply, PageNavigation navigation, BiFunction<Reply, String, String> draw) {
        return new ReplyPages(reply).page(navigation, draw);
    }

    private String page(PageNavigation navigation, BiFunction<Reply, String, String> draw) {
        boolean split = navigation.byteBudget() > 0 && navigation.morePrefix() != null && pieces > 0;
        if (!split) {
            if (navigation.page() > 1) {
                throw new PageNotFoundException("this reply has only one page");
            }
            return draw.apply(reply, "");
        }
        int start = 0;
        for (int page = 1; ; page++) {
            if (start >= pieces) {
                throw new PageNotFoundException("this reply has only " + (page - 1) + " page(s)");
            }
            String more = navigation.morePrefix() + (page + 1);
            Page laidOut = fit(start, navigation.byteBudget(), more, draw);
            if (page == navigation.page()) {
                return laidOut.body();
            }
            start = laidOut.end();
        }
    }

    private record Page(int end, String body) {
    }

    private Page fit(int start, int budget, String more, BiFunction<Reply, String, String> draw) {
        String whole = draw.apply(slice(start, pieces), "");
        if (fits(whole, budget)) {
            return new Page(pieces, whole);
        }
        // Fitting is monotonic in the number of pieces: more pieces never take fewer bytes.
        Page best = null;
        int low = start + 1;
        int high = pieces - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            String body = draw.apply(slice(start, middle), more);
            if (fits(body, budget)) {
                best = new Page(middle, body);
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (best != null) {
            return best;
        }
        String moreAfterOne = start + 1 < pieces ? more : "";
        if (reply.view() == Reply.View.CONVERSATION) {
            return new Page(start + 1, shortenedMessage(start, budget, moreAfterOne, draw));
        }
        return new Page(start + 1, draw.apply(slice(start, start + 1), moreAfterOne));
    }

    /** The page of message {@code index} alone, its text cut to the longest start that fits. */
    private String shortenedMessage(int index, int budget, String more, BiFunction<Reply, String, String> draw) {
        ThreadMessage message = newestFirst.get(index);
        String text = message.text() == null ? "" : message.text();
        String best = draw.apply(withText(message, SHORTENED), more);
        int low = 1;
        int high = text.length() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int cut = Character.isLowSurrogate(text.charAt(middle)) ? middle - 1 : middle;
            String body = draw.apply(withText(message, text.substring(0, cut).stripTrailing() + SHORTENED), more);
            if (fits(body, budget)) {
                best = body;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return best;
    }

    private Reply withText(ThreadMessage message, String text) {
        return Reply.conversation(reply.text(), List.of(new ThreadMessage(message.id(), message.channel(),
                message.direction(), message.author(), text, message.at())));
    }

    private Reply slice(int from, int to) {
        return switch (reply.view()) {
            case ANSWER -> {
                int points = words.size();
                int topics = points + reply.nearby().size();
                String text = String.join(" ", part(words, 0, from, to));
                yield new Reply(Reply.View.ANSWER, text, reply.source(), part(reply.topics(), topics, from, to),
                        reply.queue(), List.of(), part(reply.nearby(), points, from, to), reply.region());
            }
            case QUEUE_STATUS -> reply.withNearby(reply.nearby().subList(from, to), reply.region());
            case CONVERSATION -> Reply.conversation(reply.text(), newestFirst.subList(from, to));
            default -> reply;
        };
    }

    /** The items of {@code list} among the pieces {@code from} (inclusive) to {@code to}, when the list starts at piece {@code offset}. */
    private static <T> List<T> part(List<T> list, int offset, int from, int to) {
        int start = Math.min(Math.max(from - offset, 0), list.size());
        int end = Math.min(Math.max(to - offset, 0), list.size());
        return list.subList(start, end);
    }

    private static boolean fits(String body, int budget) {
        return utf8Length(body) <= budget;
    }

    /** The UTF-8 length of {@code text} without encoding it. */
    static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
