package dev.switchboard.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/**
 * The gateway's HTTP threads of a burst end soon after it: each keeps buffers of its own (JSON, serialization), which
 * a node at rest should not hold. Jetty's default ends one idle thread per idle period, so 40 took 40 periods.
 */
class GatewayHttpServerThreadsTest {
    private static final int BURST = 40;

    @Test
    void theThreadsOfABurstEndWithinAFewIdlePeriods() throws Exception {
        CountDownLatch allIn = new CountDownLatch(BURST);
        CountDownLatch release = new CountDownLatch(1);
        GatewayHttpServer server = GatewayHttpServer.newServer("127.0.0.1", 0, Duration.ofSeconds(1));
        server.context().addServlet(new ServletHolder("waits", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                allIn.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                response.getWriter().write("done");
            }
        }), "/wait");
        server.start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/wait");
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                answers.add(client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            assertThat(allIn.await(30, TimeUnit.SECONDS)).as("all requests in the servlet at once").isTrue();
            int duringBurst = server.threads();
            release.countDown();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).body()).isEqualTo("done");
            }

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (server.threads() > 12 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                Thread.yield();
            }

            assertThat(duringBurst).isGreaterThan(BURST);
            assertThat(server.threads()).as("threads 8 s after a burst of %d, with 1 s idle periods", BURST)
                    .isLessThanOrEqualTo(12);
        } finally {
            server.stop();
        }
    }
}
