package dev.switchboard.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.IdleConnections;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/**
 * A connection a browser keeps open between calls costs the gateway little heap: with Jetty's default header cache
 * each held about 100 KB after its second request, so 1,000 agents' browsers held 100 MB.
 */
class GatewayHttpServerConnectionsTest {
    private static final int CONNECTIONS = 500;

    @Test
    void anIdleKeepAliveConnectionHoldsAFewKilobytes() throws Exception {
        GatewayHttpServer server = GatewayHttpServer.newServer("127.0.0.1", 0, Duration.ofSeconds(60));
        server.context().addServlet(new ServletHolder("health", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("application/json");
                response.setContentLength(13);
                response.getWriter().write("{\"status\":1}\n");
            }
        }), "/health");
        server.start();
        try {
            IdleConnections.open(server.port(), 20).close();
            long before = usedHeapAfterCollections();
            try (IdleConnections idle = IdleConnections.open(server.port(), CONNECTIONS)) {
                long held = usedHeapAfterCollections();

                double perConnection = (held - before) / (double) idle.count();
                assertThat(perConnection).as("heap per idle keep-alive connection, bytes").isLessThan(20_000);
            }
        } finally {
            server.stop();
        }
    }

    /** The median of three readings of the used heap, each after a full collection. */
    private static long usedHeapAfterCollections() {
        long[] used = new long[3];
        for (int i = 0; i < used.length; i++) {
            System.gc();
            used[i] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        Arrays.sort(used);
        return used[1];
    }
}
