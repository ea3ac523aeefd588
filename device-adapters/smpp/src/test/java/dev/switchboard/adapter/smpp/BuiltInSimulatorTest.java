package dev.switchboard.adapter.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.adapter.testkit.StandInGateway;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no SMSC host configured, the adapter starts the SMSC simulator, binds to it and serves its phone page. */
class BuiltInSimulatorTest {
    @TempDir
    Path dataDir;

    @Test
    void withoutAnSmscHostTheAdapterTextsThroughTheSimulatorAndServesItsPhonePage() throws Exception {
        SmppAdapter adapter = new SmppAdapter();
        try (StandInGateway gateway = StandInGateway.builder().withGatewayDefaults()
                .settings(Map.of("switchboard.data.dir", dataDir.toString(), "switchboard.smpp.host", "",
                        "switchboard.smsc.sim.port", "0"))
                .servingHttp().start(adapter)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> adapter.health().up());

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(gateway.uri("/smpp/phone?number=%2B48601000099")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(gateway.mountedPaths()).contains("/smpp/phone/*");
            assertThat(adapter.health().detail()).contains("bound", "127.0.0.1");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("+48601000099", "texting the help desk");
            assertThat(adapter.frontEnds()).singleElement()
                    .satisfies(front -> assertThat(front.path()).isEqualTo("/smpp/phone"));
        }
    }
}
