package dev.switchboard.spi;

import java.time.Instant;
import java.util.List;

/**
 * A page of a customer's conversation thread as the customer may see it, whatever channel each message came by.
 * A thread is read newest first (see {@link ThreadPage}): the page holds the newest messages asked for.
 *
 * @param id          the conversation id
 * @param address     the customer address the conversation was opened from
 * @param messages    the page's messages, oldest first
 * @param olderCursor the cursor that reads the messages before these ({@link ThreadPage#before()}), or {@code null}
 *                    when there are none
 * @param ratingAsked whether the help desk asks the customer to rate the help he got (an agent finished his
 *                    conversation and he has not answered yet): {@link HelpDesk#rate} takes his answer
 * @param readUpTo    how far the help desk's agents have read the thread: every message sent at or before this time
 *                    (the {@link ThreadMessage#at()} of the newest one an agent saw), or {@code null} when no agent read
 *                    any of it
 */
public record ConversationView(String id, CustomerAddress address, List<ThreadMessage> messages, String olderCursor,
                               boolean ratingAsked, Instant readUpTo) {
    public ConversationView {
        messages = List.copyOf(messages);
    }

    /** A page no agent has read. */
    public ConversationView(String id, CustomerAddress address, List<ThreadMessage> messages, String olderCursor,
                            boolean ratingAsked) {
        this(id, address, messages, olderCursor, ratingAsked, null);
    }

    /** A page when no rating is asked. */
    public ConversationView(String id, CustomerAddress address, List<ThreadMessage> messages, String olderCursor) {
        this(id, address, messages, olderCursor, false);
    }

    /** A whole thread in one page. */
    public ConversationView(String id, CustomerAddress address, List<ThreadMessage> messages) {
        this(id, address, messages, null);
    }

    /** Whether older messages than these are there to read. */
    public boolean hasOlder() {
        return olderCursor != null;
    }
}
