package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Chromium;
import dev.switchboard.testing.TestGateways;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start page as a newcomer's browser shows it. */
class StartPageInChromiumTest {

    @Test
    void aBrowserShowsWhatTheGatewayIsAndWhereToGo(@TempDir Path dataDir, @TempDir Path profile) throws Exception {
        try (Gateway gateway = TestGateways.start(dataDir)) {
            String dom = Chromium.dumpDom(gateway.baseUri().toString(), profile);

            assertThat(dom).contains("<h1>Switchboard</h1>");
            assertThat(dom).contains("<a href=\"/health\">/health</a>", "<a href=\"/metrics\">/metrics</a>");
            assertThat(dom).contains("<a href=\"/agent\">/agent</a>", "<a href=\"/api/openapi.json\">/api/openapi.json</a>");
            assertThat(dom).contains("POST /api/help");
            assertThat(dom).contains("<code>web</code>");
        }
    }
}
