package dev.switchboard.adapter.itv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.Channel;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The adapter as the gateway starts it, on the test kit's stand-in gateway: a real Jetty on a loopback port. */
class ItvAdapterTest {

    @Test
    void servesTheOverlayAndItsApiAndReportsHealthUntilStopped() throws Exception {
        ItvAdapter adapter = new ItvAdapter();
        try (StandInGateway gateway = StandInGateway.builder().servingHttp().start(adapter)) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(gateway.uri("/tv/")).header("User-Agent", "HbbTV/1.5.1").build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(gateway.mountedPaths()).containsExactly("/tv/api/*", "/tv/*");
            assertThat(gateway.senders()).containsOnlyKeys(Channel.TV);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/vnd.hbbtv.xhtml+xml"));
            assertThat(adapter.health().up()).isTrue();

            adapter.stop();

            assertThat(adapter.health()).isEqualTo(AdapterHealth.down("stopped"));
        }
    }
}
