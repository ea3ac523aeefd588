package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A live desktop connection's listener for tests: keeps every JSON frame it receives, and how it closed. */
public final class LiveFrames implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            } finally {
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /**
     * The first frame received (now or within the timeout) that matches, dropping the frames before it; fails
     * the test when none comes.
     */
    public JsonNode next(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no matching live frame within " + timeout);
            }
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    /** A frame of this type about this conversation. */
    public static Predicate<JsonNode> of(String type, String conversationId) {
        return frame -> frame.path("type").asText().equals(type)
                && (conversationId == null || frame.path("conversationId").asText().equals(conversationId));
    }

    /** Completes with the close status when the server closes the connection. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }
}
