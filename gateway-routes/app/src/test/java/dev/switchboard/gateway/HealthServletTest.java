package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.http.GatewayHttpServer;
import dev.switchboard.gateway.http.HealthReport;
import dev.switchboard.gateway.http.HealthServlet;
import dev.switchboard.gateway.http.ServletMounts;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.testing.HttpJson;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code /health} on a real Jetty: a monitor sees 503 as soon as any part is down, and which one; an adapter
 * switched off by configuration is shown as OFF without a 503.
 */
class HealthServletTest {

    @Test
    void anyPartDownTurnsTheWholeGatewayDownWith503() throws Exception {
        AtomicReference<HealthReport> current = new AtomicReference<>(new HealthReport()
                .part("hazelcast", true, "1 member(s)").part("database", true, "jdbc:h2:file:data/switchboard")
                .adapter("web", true, "serving"));
        GatewayHttpServer server = GatewayHttpServer.newServer("127.0.0.1", 0, Duration.ofSeconds(60));
        new ServletMounts(server).mount("test", "/health", new HealthServlet(current::get, new ObjectMapper()));
        server.start();
        try {
            HttpJson http = new HttpJson(URI.create("http://127.0.0.1:" + server.port() + "/"));
            assertThat(http.get("/health", null).status()).isEqualTo(200);

            current.set(new HealthReport().part("hazelcast", true, "1 member(s)").part("database", true, "ok")
                    .adapter("smpp", false, "not bound"));
            HttpJson.Response down = http.get("/health", null);

            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().path("status").asText()).isEqualTo("DOWN");
            assertThat(down.json().path("components").path("adapters").path("smpp").path("detail").asText())
                    .isEqualTo("not bound");

            current.set(new HealthReport().part("database", false, "no answer within 1 s"));
            assertThat(http.get("/health", null).status()).isEqualTo(503);

            current.set(new HealthReport().part("database", true, "ok").adapter("web", true, "serving")
                    .adapter("twilio", AdapterHealth.off("off: not configured")));
            HttpJson.Response off = http.get("/health", null);
            assertThat(off.status()).as("a channel nobody configured is not an outage").isEqualTo(200);
            assertThat(off.json().path("status").asText()).isEqualTo("UP");
            assertThat(off.json().path("components").path("adapters").path("twilio").path("status").asText())
                    .isEqualTo("OFF");
        } finally {
            server.stop();
        }
    }
}
