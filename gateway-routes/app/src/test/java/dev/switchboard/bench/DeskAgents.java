package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * The agents of the desk benchmark as the agent API sees them: the manager creates each account, each agent signs
 * in (session cookie and CSRF token) and turns available, all over HTTP on loopback; then claims what he is
 * offered. One HTTP client for all of them (its connections pooled), each request carrying its agent's cookie.
 */
final class DeskAgents implements AutoCloseable {
    static final String SKILL = "general";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COOKIE = "switchboard_agent";

    /** One signed-in desktop. */
    record Desktop(String username, String cookie, String csrf) {
    }

    /** How a claim ended: the HTTP status and the API's error code ({@code null} when won). */
    record ClaimAnswer(int status, String error) {
        boolean won() {
            return status == 200;
        }
    }

    private final URI base;
    private final ExecutorService io = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "desk-bench-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client;
    /**
     * The desktops' steady calls, on a connection of their own: on the claims' connections they would keep every one
     * of those in use (the client takes its pooled connections in turn), and so open between the load's phases.
     */
    private final HttpClient steadyClient;
    private final Map<String, Desktop> desktops = new ConcurrentHashMap<>();

    DeskAgents(URI base) {
        this.base = base;
        this.client = newClient();
        this.steadyClient = newClient();
    }

    private HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs a user in; the desktop keeps his cookie and CSRF token. */
    Desktop signIn(String username, String password) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/agent/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("username", username, "password", password)))));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + username + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(COOKIE + "="))
                .map(value -> value.substring(0, value.indexOf(';')))
                .findFirst().orElseThrow(() -> new IllegalStateException("no session cookie for " + username));
        Desktop desktop = new Desktop(username, cookie, read(response.body()).path("csrfToken").asText());
        desktops.put(username, desktop);
        return desktop;
    }

    /**
     * The manager creates {@code count} agents ({@code agent0000}...), each with the default skill and this capacity;
     * each signs in and turns available. {@code parallel} requests at a time.
     */
    List<String> createAvailable(Desktop manager, int count, int capacity, int parallel) throws InterruptedException {
        List<String> names = IntStream.range(0, count).mapToObj(i -> String.format("agent%04d", i)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (String username : names) {
            pool.execute(() -> {
                try {
                    String password = username + " long password";
                    ok(post(manager, "/api/agent/accounts", Map.of("username", username, "password", password,
                            "skills", List.of(SKILL), "capacity", capacity)));
                    Desktop desktop = signIn(username, password);
                    ok(post(desktop, "/api/agent/presence", Map.of("presence", "available")));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("signing in " + count + " agents took over 10 minutes");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return names;
    }

    /** The agent accepts the offer; completes with the API's answer. */
    CompletableFuture<ClaimAnswer> claim(String username, String conversationId) {
        Desktop desktop = desktops.get(username);
        if (desktop == null) {
            return CompletableFuture.completedFuture(new ClaimAnswer(0, "not a bench agent"));
        }
        HttpRequest request = authorised(desktop, "/api/agent/conversations/" + conversationId + "/claim")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response ->
                new ClaimAnswer(response.statusCode(), response.statusCode() == 200 ? null
                        : read(response.body()).path("error").asText()));
    }

    /**
     * A desktop's call that only says it is there (the agent API resets his grace period on every call); returns
     * the status, or 0 when the call failed. One at a time, so that the steady calls keep one connection open.
     */
    int touch(String username) {
        HttpRequest request = authorised(desktops.get(username), "/api/agent/me").GET().build();
        try {
            return steadyClient.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    HttpResponse<String> post(Desktop desktop, String path, Map<String, ?> body) {
        return send(authorised(desktop, path).POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    private HttpRequest.Builder authorised(Desktop desktop, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Cookie", desktop.cookie())
                .header("X-CSRF-Token", desktop.csrf());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void ok(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        io.shutdownNow();
    }
}
