package dev.switchboard.bench;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12's asynchronous {@link HttpClient} over HTTP/1.1 with keep-alive: one connection per concurrent
 * client at most, no request ever queued behind another client's.
 */
final class JettyDriver implements HttpDriver {
    private static final int MAX_RESPONSE_BYTES = 256 * 1024;
    private final HttpClient client;

    JettyDriver(int clients) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(16, Math.min(200, clients + 8)), 4);
        threads.setName("bench-client");
        threads.setDaemon(true);
        client = new HttpClient();
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(clients);
        client.setMaxRequestsQueuedPerDestination(Math.max(1024, clients * 4));
        client.setFollowRedirects(false);
        client.setIdleTimeout(60_000);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "switchboard-bench"));
        client.start();
    }

    @Override
    public String name() {
        return "Jetty HttpClient " + HttpClient.class.getPackage().getImplementationVersion()
                + " (async, HTTP/1.1 keep-alive)";
    }

    @Override
    public void send(BenchRequest request, Callback callback) {
        var exchange = client.newRequest(request.uri())
                .method(HttpMethod.POST)
                .timeout(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .body(new BytesRequestContent(request.contentType(), request.body()));
        if (!request.headers().isEmpty()) {
            exchange.headers(headers -> request.headers().forEach(headers::put));
        }
        exchange.send(new BufferingResponseListener(MAX_RESPONSE_BYTES) {
            @Override
            public void onComplete(Result result) {
                if (result.isFailed()) {
                    callback.completed(new Reply(-1, new byte[0], result.getFailure()));
                } else {
                    callback.completed(new Reply(result.getResponse().getStatus(), getContent(), null));
                }
            }
        });
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
