package dev.switchboard.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The HTTP client of the load generator: sends one POST and calls back when its response is complete. */
interface HttpDriver extends AutoCloseable {
    /** How long one request may take before it counts as failed. */
    long REQUEST_TIMEOUT_SECONDS = 30;

    /** One POST of a body of {@code contentType}, with extra request headers (name to value; none: empty). */
    record BenchRequest(URI uri, byte[] body, String contentType, Map<String, String> headers) {
        static final String JSON = "application/json";

        public BenchRequest {
            headers = Map.copyOf(headers);
        }

        /** A POST of a JSON body, with a customer token ({@code Authorization: Bearer}) or {@code null}. */
        BenchRequest(URI uri, byte[] body, String bearer) {
            this(uri, body, JSON, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer));
        }
    }

    /** A completed exchange: its status and body, or a failure (status -1). */
    record Reply(int status, byte[] body, Throwable failure) {
        boolean ok() {
            return failure == null && status >= 200 && status < 300;
        }

        String describe() {
            if (failure != null) {
                return failure.toString();
            }
            String text = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
            return "HTTP " + status + ": " + text;
        }
    }

    /** Called once per request, on a client thread. */
    interface Callback {
        void completed(Reply reply);
    }

    String name();

    void send(BenchRequest request, Callback callback);

    /** Sends one request and waits for its reply, for set-up steps. */
    default Reply sendAndWait(BenchRequest request) throws Exception {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        send(request, reply::complete);
        return reply.get(REQUEST_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
    }

    @Override
    void close() throws Exception;

    static HttpDriver create(String kind, int clients) throws Exception {
        return switch (kind) {
            case "jetty" -> new JettyDriver(clients);
            case "jdk" -> new JdkDriver(clients);
            default -> throw new IllegalArgumentException("unknown client " + kind);
        };
    }
}
