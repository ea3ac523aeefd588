package dev.switchboard.adapter.mobile;

import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.ThreadMessage;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * One app's open push connection to its conversation. Every time it is told the thread changed, it reads the
 * thread again with the customer token the app connected with, so it can only ever send what that token
 * opens, and sends the messages after the last one it sent. Thread-safe: writes are serialised.
 */
final class PushStream {
    private final String conversationId;
    private final String customerToken;
    private final HelpDesk helpDesk;
    private final AsyncContext async;
    private final OutputStream out;
    private String lastSentId;
    private boolean closed;

    /** @param lastSeenId the last message the app has, or {@code null} for a stream from the thread's start */
    PushStream(String conversationId, String customerToken, String lastSeenId, HelpDesk helpDesk, AsyncContext async)
            throws IOException {
        this.conversationId = conversationId;
        this.customerToken = customerToken;
        this.lastSentId = lastSeenId;
        this.helpDesk = helpDesk;
        this.async = async;
        this.out = async.getResponse().getOutputStream();
    }

    String conversationId() {
        return conversationId;
    }

    /**
     * Sends the thread's messages after the last one sent. A last message the thread does not have (it never
     * does unless the app sent a wrong id) sends the whole thread: the app skips what it shows already.
     *
     * @return {@code false} when the stream is finished (closed, the token no longer opens the thread, the
     *         app went away)
     */
    synchronized boolean sendNew() {
        if (closed) {
            return false;
        }
        Optional<ConversationView> thread = helpDesk.conversation(conversationId, customerToken);
        if (thread.isEmpty()) {
            close();
            return false;
        }
        List<ThreadMessage> messages = thread.get().messages();
        int from = 0;
        for (int i = messages.size() - 1; i >= 0 && lastSentId != null; i--) {
            if (messages.get(i).id().equals(lastSentId)) {
                from = i + 1;
                break;
            }
        }
        for (ThreadMessage message : messages.subList(from, messages.size())) {
            if (!write(PushEvents.message(message))) {
                return false;
            }
            lastSentId = message.id();
        }
        return true;
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
