package dev.switchboard.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDK's {@code java.net.http} client, asynchronous, HTTP/1.1 with its keep-alive pool. For comparison. */
final class JdkDriver implements HttpDriver {
    private final ExecutorService threads;
    private final HttpClient client;

    JdkDriver(int clients) {
        AtomicInteger count = new AtomicInteger();
        threads = Executors.newFixedThreadPool(Math.max(4, Math.min(64, clients / 4)), task -> {
            Thread thread = new Thread(task, "bench-jdk-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(threads)
                .build();
    }

    @Override
    public String name() {
        return "java.net.http.HttpClient " + Runtime.version().feature() + " (async, HTTP/1.1 keep-alive)";
    }

    @Override
    public void send(BenchRequest request, Callback callback) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS))
                .header("Content-Type", request.contentType())
                .header("User-Agent", "switchboard-bench")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            if (failure != null) {
                callback.completed(new Reply(-1, new byte[0], failure));
            } else {
                callback.completed(new Reply(response.statusCode(), response.body(), null));
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
