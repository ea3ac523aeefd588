package dev.switchboard.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.GeoLocation;
import dev.switchboard.spi.LocationSource;
import dev.switchboard.spi.TvContext;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EnrichContextTest {

    @Test
    void whatTheDeviceToldIsKeptForAgentsAndAnswers() {
        DeviceContext device = DeviceContext.EMPTY
                .withLocation(new GeoLocation(50.0614, 19.9366, 12.0, LocationSource.GPS))
                .withLocale(Locale.forLanguageTag("pl-PL"))
                .withTv(new TvContext("dvb://233a.1004.1044", "Evening News"))
                .withPageUrl("https://shop.example/help");

        CustomerContext context = new EnrichContext().enrich(device);

        assertThat(context.latitude()).isEqualTo(50.0614);
        assertThat(context.locationSource()).isEqualTo("gps");
        assertThat(context.locale()).isEqualTo("pl-PL");
        assertThat(context.tvProgramme()).isEqualTo("Evening News");
        assertThat(context.pageUrl()).isEqualTo("https://shop.example/help");
    }

    @Test
    void aDeviceThatSaysNothingAddsNothing() {
        assertThat(new EnrichContext().enrich(DeviceContext.EMPTY)).isEqualTo(CustomerContext.NONE);
    }
}
