package dev.switchboard.adapter.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push connections open on this node, by conversation. Told that a conversation changed (by the cluster's
 * topic, whichever node stored the message), it has each of that conversation's streams send what is new, on
 * threads of its own; a heartbeat every {@link #HEARTBEAT} finds connections that went away. A conversation
 * keeps at most {@link #MAX_PER_CONVERSATION} streams: one more closes its oldest (an app that reconnected
 * before its old connection was noticed gone).
 */
final class PushStreams implements AutoCloseable {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final int MAX_PER_CONVERSATION = 4;
    private static final Logger LOG = LoggerFactory.getLogger(PushStreams.class);

    private final Map<String, List<PushStream>> byConversation = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(4, daemon("app-push"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("app-push-heartbeat"));
    private volatile boolean closed;

    PushStreams() {
        heartbeats.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Registers a new stream and sends it what it is missing; once closed, ends it at once. */
    void open(PushStream stream) {
        if (closed) {
            stream.close();
            return;
        }
        List<PushStream> oldest = new ArrayList<>();
        byConversation.compute(stream.conversationId(), (id, streams) -> {
            List<PushStream> list = streams == null ? new CopyOnWriteArrayList<>() : streams;
            list.add(stream);
            while (list.size() > MAX_PER_CONVERSATION) {
                oldest.add(list.remove(0));
            }
            return list;
        });
        oldest.forEach(PushStream::close);
        submit(() -> keepIf(stream, stream.sendNew()));
    }

    /** The thread of {@code conversationId} has a new message: its streams on this node send it. */
    void changed(String conversationId) {
        List<PushStream> streams = byConversation.get(conversationId);
        if (streams != null) {
            streams.forEach(stream -> submit(() -> keepIf(stream, stream.sendNew())));
        }
    }

    /** An agent is typing in {@code conversationId}: its streams on this node say so. */
    void typing(String conversationId, String author) {
        List<PushStream> streams = byConversation.get(conversationId);
        if (streams != null) {
            streams.forEach(stream -> submit(() -> keepIf(stream, stream.typing(author))));
        }
    }

    /** Forgets a stream the container finished (the app went away, or the gateway stops). */
    void closed(PushStream stream) {
        byConversation.computeIfPresent(stream.conversationId(), (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    int open() {
        return byConversation.values().stream().mapToInt(List::size).sum();
    }

    private void heartbeat() {
        byConversation.values().forEach(streams -> streams.forEach(stream -> submit(() -> keepIf(stream, stream.heartbeat()))));
    }

    private void keepIf(PushStream stream, boolean alive) {
        if (!alive) {
            closed(stream);
        }
    }

    private void submit(Runnable task) {
        try {
            senders.execute(task);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("push not sent: the adapter is stopping");
        }
    }

    @Override
    public void close() {
        closed = true;
        heartbeats.shutdownNow();
        senders.shutdownNow();
        byConversation.values().forEach(streams -> streams.forEach(PushStream::close));
        byConversation.clear();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
