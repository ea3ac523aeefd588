package dev.switchboard.adapter.web;

import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadPage;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One app's open push connection to its conversation. Every time it is told the thread changed, it reads the
 * thread's newest page again with the customer token the app connected with, so it can only ever send what that
 * token opens, and sends the messages after the last one it sent. It never sends a whole thread: on connect, an app
 * that has read nothing of it yet (or whose last message is far back) gets the newest page, with the cursor of the
 * messages before it for the app to read over HTTP. When the read says a rating is asked, it sends a
 * {@code rating-asked} event once (again after the question lapsed and was asked anew), and a {@code read} event each
 * time the agents' read mark moved. An agent's typing is sent as it is told ({@link #typing}). Thread-safe: writes are
 * serialised.
 */
final class PushStream {
    /** The most messages read back past the newest page to find the last one sent: an app that was away a while. */
    static final int CATCH_UP = ThreadPage.MAX_LIMIT;

    private final String conversationId;
    private final Function<ThreadPage, Optional<ConversationView>> reader;
    private final AsyncContext async;
    private final OutputStream out;
    private String lastSentId;
    private boolean toldRatingAsked;
    private String toldReadUpTo;
    private boolean closed;

    /**
     * @param lastSeenId the last message the app has, or {@code null} for an app that has read none of the thread
     * @param reader     reads a page of the thread as the app may see it: with its customer token, or for its signed
     *                   customer id ({@link SignedCustomerIds})
     */
    PushStream(String conversationId, Function<ThreadPage, Optional<ConversationView>> reader, String lastSeenId,
               AsyncContext async) throws IOException {
        this.conversationId = conversationId;
        this.reader = reader;
        this.lastSentId = lastSeenId;
        this.async = async;
        this.out = async.getResponse().getOutputStream();
    }

    String conversationId() {
        return conversationId;
    }

    /**
     * Sends the thread's messages after the last one sent, read from the newest page and, when the last one sent is
     * before it, up to {@value #CATCH_UP} messages before that. With no last message, or one not found there (it is
     * further back, or the app sent a wrong id), it sends an {@code older} event with the cursor of the messages
     * before the newest page, when there are any, and then that page: the app skips what it shows already.
     *
     * @return {@code false} when the stream is finished (closed, the token no longer opens the thread, the
     *         app went away)
     */
    synchronized boolean sendNew() {
        if (closed) {
            return false;
        }
        Optional<ConversationView> newest = read(ThreadPage.newest());
        if (newest.isEmpty()) {
            close();
            return false;
        }
        List<ThreadMessage> messages = newest.get().messages();
        int from = indexAfter(messages, lastSentId);
        List<ThreadMessage> unsent;
        String olderCursor = null;
        if (from >= 0) {
            unsent = messages.subList(from, messages.size());
        } else {
            unsent = lastSentId == null || !newest.get().hasOlder() ? null : caughtUp(newest.get());
            if (unsent == null) {
                unsent = messages;
                olderCursor = newest.get().olderCursor();
            }
        }
        if (olderCursor != null && !write(PushEvents.older(olderCursor))) {
            return false;
        }
        for (ThreadMessage message : unsent) {
            if (!write(PushEvents.message(message))) {
                return false;
            }
            lastSentId = message.id();
        }
        return tellRatingAsked(newest.get().ratingAsked()) && tellRead(ConversationJson.readUpTo(newest.get()));
    }

    /** Sends {@code read} when the agents' mark is not the one last sent. */
    private boolean tellRead(String readUpTo) {
        if (readUpTo == null || readUpTo.equals(toldReadUpTo)) {
            return true;
        }
        if (!write(PushEvents.read(readUpTo))) {
            return false;
        }
        toldReadUpTo = readUpTo;
        return true;
    }

    /** Sends that an agent is typing. */
    synchronized boolean typing(String author) {
        return !closed && write(PushEvents.typing(author));
    }

    /** Sends {@code rating-asked} when a rating is newly asked (the question is in the messages just sent). */
    private boolean tellRatingAsked(boolean asked) {
        if (asked && !toldRatingAsked) {
            if (!write(PushEvents.ratingAsked())) {
                return false;
            }
            toldRatingAsked = true;
        } else if (!asked) {
            toldRatingAsked = false;
        }
        return true;
    }

    /** The messages after the last one sent when it is among the {@value #CATCH_UP} before {@code newest}, else null. */
    private List<ThreadMessage> caughtUp(ConversationView newest) {
        List<ThreadMessage> before = read(new ThreadPage(newest.olderCursor(), CATCH_UP))
                .map(ConversationView::messages).orElse(List.of());
        int from = indexAfter(before, lastSentId);
        if (from < 0) {
            return null;
        }
        List<ThreadMessage> unsent = new ArrayList<>(before.subList(from, before.size()));
        unsent.addAll(newest.messages());
        return unsent;
    }

    private Optional<ConversationView> read(ThreadPage page) {
        return reader.apply(page);
    }

    /** The index just after message {@code id} in {@code messages}, or -1 when it is not there (or null). */
    private static int indexAfter(List<ThreadMessage> messages, String id) {
        for (int i = messages.size() - 1; i >= 0 && id != null; i--) {
            if (messages.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        return -1;
    }

    synchronized boolean heartbeat() {
        return !closed && write(PushEvents.heartbeat());
    }

    /** Writes and flushes one event; a write that fails (the app went away) closes the stream. */
    private boolean write(byte[] event) {
        try {
            out.write(event);
            out.flush();
            return true;
        } catch (IOException e) {
            close();
            return false;
        }
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                async.complete();
            } catch (IllegalStateException alreadyDone) {
                // the container finished the request already (the app went away)
            }
        }
    }
}
