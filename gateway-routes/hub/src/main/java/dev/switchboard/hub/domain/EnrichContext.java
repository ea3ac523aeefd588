package dev.switchboard.hub.domain;

import dev.switchboard.hub.places.Gazetteer;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.GeoLocation;
import dev.switchboard.spi.LocationSource;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what a device told about the customer into the context the hub keeps and answers with. A location
 * becomes the nearest real place and its region; without a location, a town or postal code the customer
 * keyed in is looked up in the gazetteer and stands for his location. A TV box tells no location but the
 * broadcast region it is set to, which then is his region.
 */
public final class EnrichContext {
    private final Gazetteer gazetteer;

    public EnrichContext(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public CustomerContext enrich(DeviceContext device) {
        if (device == null) {
            return CustomerContext.NONE;
        }
        GeoLocation location = device.location();
        if (location == null && device.placeName() != null) {
            location = keyedInPlace(device).orElse(null);
        }
        CustomerContext context = new CustomerContext(
                location == null ? null : location.latitude(),
                location == null ? null : location.longitude(),
                location == null ? null : location.accuracyMeters(),
                location == null ? null : location.source().name().toLowerCase(Locale.ROOT),
                device.locale() == null ? null : device.locale().toLanguageTag(),
                device.pageUrl(),
                device.tv() == null ? null : device.tv().service(),
                device.tv() == null ? null : device.tv().programme(),
                device.network());
        if (location == null) {
            String tvRegion = device.tv() == null ? null : device.tv().region();
            return tvRegion == null ? context : context.withPlace(null, tvRegion);
        }
        return gazetteer.nearest(location.latitude(), location.longitude())
                .map(found -> context.withPlace(found.item().name(), emptyAsNull(found.item().region())))
                .orElse(context);
    }

    private Optional<GeoLocation> keyedInPlace(DeviceContext device) {
        String country = device.locale() == null ? null : device.locale().getCountry();
        Optional<GeoLocation> town = gazetteer.find(device.placeName(), country)
                .map(p -> keyedIn(p.latitude(), p.longitude()));
        return town.or(() -> gazetteer.findPostalCode(device.placeName(), country)
                .map(code -> keyedIn(code.latitude(), code.longitude())));
    }

    private static GeoLocation keyedIn(double latitude, double longitude) {
        return new GeoLocation(latitude, longitude, null, LocationSource.USER_ENTERED);
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
