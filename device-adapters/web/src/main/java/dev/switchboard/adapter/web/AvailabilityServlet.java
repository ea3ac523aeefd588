package dev.switchboard.adapter.web;

import dev.switchboard.spi.AgentsAvailable;
import dev.switchboard.spi.SharedTopic;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/widget/availability}: whether an agent is available to chat, as server-sent events, for the chat
 * button of a page: an {@code availability} event at once, {@code {"available": true}} or {@code false}, then one at
 * each change, pushed as the gateway hears it; a comment every {@link PushStreams#HEARTBEAT} keeps the connection and
 * finds one that went away. It takes no token and tells nothing about any customer.
 */
final class AvailabilityServlet extends HttpServlet implements AutoCloseable {
    static final String PATH = "/api/widget/availability";
    private static final long serialVersionUID = 1L;

    private final transient AgentsAvailable agents;
    private final transient Set<AsyncContext> open = ConcurrentHashMap.newKeySet();
    private final transient SharedTopic.Subscription subscription;
    private final transient ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "widget-availability");
        thread.setDaemon(true);
        return thread;
    });

    AvailabilityServlet(AgentsAvailable agents) {
        this.agents = agents;
        this.subscription = agents.subscribe(available -> heartbeats.execute(() -> sendAll(event(available))));
        long beat = PushStreams.HEARTBEAT.toMillis();
        heartbeats.scheduleWithFixedDelay(() -> sendAll(PushEvents.heartbeat()), beat, beat, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod())) {
            response.setHeader("Allow", "GET");
            byte[] body = JsonErrors.body(JsonErrors.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed here; use GET");
            response.setStatus(405);
            response.setHeader("Content-Type", CustomerApiServlet.CONTENT_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        async.addListener(new Forget());
        open.add(async);
        if (!send(async, event(agents.now()))) {
            open.remove(async);
        }
    }

    /** Open connections, for tests. */
    int open() {
        return open.size();
    }

    static byte[] event(boolean available) {
        return ("event: availability\ndata: {\"available\": " + available + "}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private void sendAll(byte[] event) {
        open.removeIf(async -> !send(async, event));
    }

    private static boolean send(AsyncContext async, byte[] event) {
        synchronized (async) {
            try {
                OutputStream out = async.getResponse().getOutputStream();
                out.write(event);
                out.flush();
                return true;
            } catch (IOException | IllegalStateException gone) {
                complete(async);
                return false;
            }
        }
    }

    private static void complete(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // the container finished the request already
        }
    }

    /** The connections end at once: a page opens its stream again, on another node if this one is gone. */
    @Override
    public void close() {
        subscription.close();
        heartbeats.shutdownNow();
        open.forEach(AvailabilityServlet::complete);
        open.clear();
    }

    /** Forgets a connection once the container is done with it. */
    private final class Forget implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            open.remove(event.getAsyncContext());
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            complete(event.getAsyncContext());
        }

        @Override
        public void onError(AsyncEvent event) {
            complete(event.getAsyncContext());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }
}
