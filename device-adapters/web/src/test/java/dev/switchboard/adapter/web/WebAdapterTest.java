package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceAdapter;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class WebAdapterTest {

    @Test
    void theGatewayFindsTheAdapterThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(DeviceAdapter.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(WebAdapter.class);
    }

    @Test
    void describesItselfAsTheWebChannelWithNoPagesYet() {
        WebAdapter adapter = new WebAdapter();

        assertThat(adapter.id()).isEqualTo("web");
        assertThat(adapter.description()).contains("/api/help", "/api/conversations");
        assertThat(adapter.frontEnds()).isEmpty();
        assertThat(adapter.health()).isEqualTo(AdapterHealth.down("not started"));
    }

    @Test
    void mountsTheApiAndReportsHealthUntilStopped() throws Exception {
        try (StandInGateway server = ApiServer.start(ApiServer.helpDesk())) {
            assertThat(server.mountedPaths()).containsExactly("/api/help", "/api/conversations/*",
                    "/api/app/conversations/*", "/api/widget/availability", "/widget.js", "/widget/*");
            assertThat(server.senders()).containsOnlyKeys(Channel.WEB_CHAT, Channel.MOBILE_APP);
            assertThat(server.adapter().health().up()).isTrue();

            server.adapter().stop();

            assertThat(server.adapter().health()).isEqualTo(AdapterHealth.down("stopped"));
        }
    }

    @Test
    void readsTheTextLimitSetting() {
        assertThat(WebApiSettings.from(key -> Optional.empty()).maxTextLength()).isEqualTo(4_000);
        assertThat(WebApiSettings.from(key -> Optional.of(" 500 ")).maxTextLength()).isEqualTo(500);
        assertThatThrownBy(() -> WebApiSettings.from(key -> Optional.of("lots")))
                .hasMessage("setting switchboard.web.max-text-length must be a whole number, was 'lots'");
        assertThatThrownBy(() -> WebApiSettings.from(key -> Optional.of("0")))
                .hasMessage("setting switchboard.web.max-text-length must be at least 1, was 0");
    }
}
