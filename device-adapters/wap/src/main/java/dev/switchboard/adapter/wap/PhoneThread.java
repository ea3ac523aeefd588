package dev.switchboard.adapter.wap;

import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a phone's conversation deck shows, a page at a time, newest first: one conversation, or several merged in the
 * order written (a session that verified its number shows the number's conversation and the anonymous one it wrote in
 * before). Each is read through the help desk a page at a time ({@link ThreadPage}); a page of the whole is the
 * newest {@code size} messages of all of them before the page's cursor.
 *
 * <p>The cursor a page gives for the messages before it holds one part per conversation, joined by {@code .}: the
 * help desk's cursor, {@value #NEWEST} for a conversation none of whose messages were shown yet, {@value #DONE} for one
 * shown to its start. With one conversation it is that conversation's cursor.
 */
final class PhoneThread {
    static final String NEWEST = "n";
    static final String DONE = "-";
    private static final String SEPARATOR = ".";

    /** One conversation of the thread, read a page at a time; empty when it cannot be read (any more). */
    @FunctionalInterface
    interface Conversation {
        Optional<ConversationView> read(ThreadPage page);
    }

    /**
     * A page of the thread.
     *
     * @param messages    the page's messages, oldest first
     * @param olderCursor the cursor of the messages before these, or {@code null} when the page starts the thread
     */
    record Page(List<ThreadMessage> messages, String olderCursor) {
        Page {
            messages = List.copyOf(messages);
        }
    }

    /** Where a conversation's next page starts: its newest message, before a cursor, or nowhere (read to its start). */
    private record Position(String before, boolean done) {
        static final Position FROM_NEWEST = new Position(null, false);
        static final Position READ_TO_START = new Position(null, true);

        static Position before(String cursor) {
            return cursor == null ? READ_TO_START : new Position(cursor, false);
        }

        String part() {
            return done ? DONE : before == null ? NEWEST : before;
        }
    }

    /** A message of the page being laid out: which conversation it comes from and its place in that one's page. */
    private record Candidate(ThreadMessage message, int conversation, int index) {
    }

    private static final Comparator<Candidate> NEWEST_FIRST = Comparator
            .comparing((Candidate c) -> c.message().at(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Candidate::conversation)
            .thenComparingInt(Candidate::index)
            .reversed();

    private final List<Conversation> conversations;
    private final int size;

    /** @param size the most messages a page holds, 1 to {@value ThreadPage#MAX_LIMIT} */
    PhoneThread(List<Conversation> conversations, int size) {
        this.conversations = List.copyOf(conversations);
        this.size = size;
        new ThreadPage(null, size); // checks the size
    }

    /**
     * The page before {@code cursor}, or the newest page when it is {@code null}.
     *
     * @throws IllegalArgumentException when {@code cursor} is not one of this thread's pages (made by hand, or before
     *                                  the session's conversations changed)
     */
    Page page(String cursor) {
        List<Position> from = positions(cursor);
        List<ConversationView> read = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < conversations.size(); c++) {
            ConversationView view = from.get(c).done() ? null
                    : conversations.get(c).read(new ThreadPage(from.get(c).before(), size)).orElse(null);
            read.add(view);
            List<ThreadMessage> messages = view == null ? List.of() : view.messages();
            for (int i = 0; i < messages.size(); i++) {
                candidates.add(new Candidate(messages.get(i), c, i));
            }
        }
        candidates.sort(NEWEST_FIRST);
        int[] taken = new int[conversations.size()];
        candidates.stream().limit(size).forEach(candidate -> taken[candidate.conversation()]++);

        List<ThreadMessage> shown = new ArrayList<>();
        List<Position> next = new ArrayList<>();
        for (int c = 0; c < conversations.size(); c++) {
            ConversationView view = read.get(c);
            int fetched = view == null ? 0 : view.messages().size();
            int count = taken[c];
            Position after;
            if (view == null) {
                after = Position.READ_TO_START;
            } else if (count == fetched) {
                after = Position.before(view.olderCursor());
            } else if (count == 0) {
                after = from.get(c);
            } else {
                after = cursorAfterNewest(c, from.get(c), view.messages().subList(fetched - count, fetched));
                if (after == null) {
                    // The conversation changed between the two reads: this page shows all that was read of it.
                    count = fetched;
                    after = Position.before(view.olderCursor());
                }
            }
            if (view != null) {
                shown.addAll(view.messages().subList(fetched - count, fetched));
            }
            next.add(after);
        }
        shown.sort(Comparator.comparing(ThreadMessage::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        boolean more = next.stream().anyMatch(position -> !position.done());
        return new Page(shown, more ? String.join(SEPARATOR, next.stream().map(Position::part).toList()) : null);
    }

    /**
     * Where conversation {@code c} continues once {@code newest}, the newest messages of its page from {@code from},
     * are shown: the cursor of a page of just those. Null when that page is not them (a message came in between).
     */
    private Position cursorAfterNewest(int c, Position from, List<ThreadMessage> newest) {
        Optional<ConversationView> again = conversations.get(c).read(new ThreadPage(from.before(), newest.size()));
        if (again.isEmpty() || again.get().olderCursor() == null
                || !ids(again.get().messages()).equals(ids(newest))) {
            return null;
        }
        return Position.before(again.get().olderCursor());
    }

    private static List<String> ids(List<ThreadMessage> messages) {
        return messages.stream().map(ThreadMessage::id).toList();
    }

    private List<Position> positions(String cursor) {
        List<Position> positions = new ArrayList<>();
        if (cursor == null) {
            conversations.forEach(conversation -> positions.add(Position.FROM_NEWEST));
            return positions;
        }
        String[] parts = cursor.split("\\.", -1);
        if (parts.length != conversations.size()) {
            throw new IllegalArgumentException("the cursor names " + parts.length + " conversation(s), the thread has "
                    + conversations.size());
        }
        for (String part : parts) {
            if (part.equals(NEWEST)) {
                positions.add(Position.FROM_NEWEST);
            } else if (part.equals(DONE)) {
                positions.add(Position.READ_TO_START);
            } else {
                positions.add(new Position(new ThreadPage(part, size).before(), false));
            }
        }
        if (positions.stream().allMatch(Position::done)) {
            throw new IllegalArgumentException("the cursor has nothing left to read");
        }
        return positions;
    }

    /** Whether the help desk asks the customer of one of the conversations to rate the help he got. */
    boolean ratingAsked() {
        return conversations.stream().anyMatch(conversation -> conversation.read(new ThreadPage(null, 1))
                .map(ConversationView::ratingAsked).orElse(false));
    }
}
