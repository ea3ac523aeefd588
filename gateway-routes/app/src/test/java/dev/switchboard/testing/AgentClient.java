package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An agent desktop as the agent API sees it: a cookie jar, the CSRF token from sign-in, JSON in and out. */
public final class AgentClient {
    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String csrfToken;

    public AgentClient(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in and keeps the session cookie and CSRF token; returns the answer. */
    public HttpJson.Response login(String username, String password) {
        HttpJson.Response response = post("/api/agent/login",
                "{\"username\": " + HttpJson.quote(username) + ", \"password\": " + HttpJson.quote(password) + "}");
        if (response.status() == 200) {
            csrfToken = response.json().path("csrfToken").asText();
        }
        return response;
    }

    /** Signs in and fails the test unless it worked. */
    public AgentClient signedIn(String username, String password) {
        HttpJson.Response response = login(username, password);
        if (response.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + response.body());
        }
        return this;
    }

    public HttpJson.Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A POST with the session's CSRF header. */
    public HttpJson.Response post(String path, String json) {
        return postWithCsrf(path, json, csrfToken);
    }

    public HttpJson.Response postWithCsrf(String path, String json, String csrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return send(request);
    }

    /** A PUT, with the session's CSRF header when {@code withCsrf}. */
    public HttpJson.Response put(String path, String json, boolean withCsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (withCsrf && csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return send(request);
    }

    /** A PUT with the session's CSRF header. */
    public HttpJson.Response put(String path, String json) {
        return put(path, json, true);
    }

    public JsonNode postOk(String path, String json) {
        HttpJson.Response response = post(path, json);
        if (response.status() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    public JsonNode getOk(String path) {
        HttpJson.Response response = get(path);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    /** Waits for an offer, claims the oldest and returns its conversation id. */
    public String claimNextOffer() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> getOk("/api/agent/offers").path("offers").size() > 0);
        String id = getOk("/api/agent/offers").path("offers").get(0).path("conversationId").asText();
        postOk("/api/agent/conversations/" + id + "/claim", "{}");
        return id;
    }

    /** The texts of a thread as the agent API shows it ({@code messages[].text}), oldest first. */
    public static java.util.List<String> texts(JsonNode thread) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        thread.path("messages").forEach(message -> texts.add(message.path("text").asText()));
        return texts;
    }

    /**
     * Opens the desktop's live connection ({@code /api/agent/live}) with this client's session cookie, as a page
     * of {@code origin} would (null: as a client that is no browser, without an Origin header).
     */
    public java.util.concurrent.CompletableFuture<java.net.http.WebSocket> live(String origin,
                                                                              java.net.http.WebSocket.Listener listener) {
        java.net.http.WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws")).resolve("/api/agent/live");
        return builder.buildAsync(ws, listener);
    }

    /** The raw response, headers included. */
    public HttpResponse<String> raw(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpJson.Response send(HttpRequest.Builder request) {
        HttpResponse<String> response = raw(request.timeout(Duration.ofSeconds(10)).build());
        return new HttpJson.Response(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}
