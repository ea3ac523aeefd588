package dev.switchboard.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.hub.places.GazetteerLoader;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.GeoLocation;
import dev.switchboard.spi.LocationSource;
import dev.switchboard.spi.TvContext;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EnrichContextTest {
    private final EnrichContext enrich = new EnrichContext(GazetteerLoader.shipped());

    @Test
    void whatTheDeviceToldIsKeptForAgentsAndAnswers() {
        DeviceContext device = DeviceContext.EMPTY
                .withLocation(new GeoLocation(50.0614, 19.9366, 12.0, LocationSource.GPS))
                .withLocale(Locale.forLanguageTag("pl-PL"))
                .withTv(new TvContext("dvb://233a.1004.1044", "Evening News"))
                .withPageUrl("https://shop.example/help");

        CustomerContext context = enrich.enrich(device);

        assertThat(context.latitude()).isEqualTo(50.0614);
        assertThat(context.locationSource()).isEqualTo("gps");
        assertThat(context.locale()).isEqualTo("pl-PL");
        assertThat(context.tvProgramme()).isEqualTo("Evening News");
        assertThat(context.pageUrl()).isEqualTo("https://shop.example/help");
    }

    @Test
    void aLocationBecomesTheNearestPlaceAndItsRegion() {
        CustomerContext inKrakow = enrich.enrich(DeviceContext.EMPTY
                .withLocation(new GeoLocation(50.0614, 19.9366, 12.0, LocationSource.GPS)));
        CustomerContext inSalford = enrich.enrich(DeviceContext.EMPTY
                .withLocation(new GeoLocation(53.4875, -2.2901, 30.0, LocationSource.NETWORK)));

        assertThat(inKrakow.place()).isEqualTo("Kraków");
        assertThat(inKrakow.region()).isEqualTo("Lesser Poland");
        assertThat(inSalford.place()).isEqualTo("Salford");
        assertThat(inSalford.region()).isEqualTo("England");
    }

    @Test
    void aKeyedInTownStandsForTheLocationWhenTheDeviceHasNone() {
        CustomerContext context = enrich.enrich(DeviceContext.EMPTY
                .withPlaceName("  warszawa ").withLocale(Locale.forLanguageTag("pl-PL")));

        assertThat(context.place()).isEqualTo("Warsaw");
        assertThat(context.region()).isEqualTo("Mazovia");
        assertThat(context.locationSource()).isEqualTo("user_entered");
        assertThat(context.latitude()).isBetween(52.1, 52.4);
        assertThat(context.longitude()).isBetween(20.9, 21.2);
    }

    @Test
    void aKeyedInPostalCodeStandsForTheLocationAndGivesTheNearestPlaceAndRegion() {
        CustomerContext context = enrich.enrich(DeviceContext.EMPTY
                .withPlaceName(" 02108-1234").withLocale(Locale.forLanguageTag("en-US")));

        assertThat(context.place()).isEqualTo("Boston");
        assertThat(context.region()).isEqualTo("Massachusetts");
        assertThat(context.locationSource()).isEqualTo("user_entered");
        assertThat(context.latitude()).isBetween(42.3, 42.4);
    }

    @Test
    void aRealLocationWinsOverAKeyedInTown() {
        CustomerContext context = enrich.enrich(DeviceContext.EMPTY
                .withLocation(new GeoLocation(53.4808, -2.2426, 20.0, LocationSource.GPS)).withPlaceName("Gdańsk"));

        assertThat(context.place()).isEqualTo("Manchester");
        assertThat(context.locationSource()).isEqualTo("gps");
    }

    @Test
    void anUnknownTownLeavesTheLocationUnknown() {
        CustomerContext context = enrich.enrich(DeviceContext.EMPTY.withPlaceName("Xqzzyville"));

        assertThat(context.hasLocation()).isFalse();
        assertThat(context.region()).isNull();
    }

    @Test
    void aTvBoxsBroadcastRegionIsTheRegionItsViewerIsRoutedBy() {
        CustomerContext context = enrich.enrich(DeviceContext.EMPTY
                .withTv(new TvContext("dvb://233a.1004.1044", "Evening News", "London")));

        assertThat(context.region()).isEqualTo("London");
        assertThat(context.place()).isNull();
        assertThat(context.hasLocation()).isFalse();
    }

    @Test
    void aLocationsRegionWinsOverTheBroadcastRegion() {
        CustomerContext context = enrich.enrich(DeviceContext.EMPTY
                .withLocation(new GeoLocation(50.0614, 19.9366, 12.0, LocationSource.GPS))
                .withTv(new TvContext("dvb://233a.1004.1044", "Evening News", "London")));

        assertThat(context.region()).isEqualTo("Lesser Poland");
    }

    @Test
    void aDeviceThatSaysNothingAddsNothing() {
        assertThat(enrich.enrich(DeviceContext.EMPTY)).isEqualTo(CustomerContext.NONE);
    }
}
