package dev.switchboard.hub.domain;

import dev.switchboard.spi.DeviceContext;

/**
 * Turns what a device told about the customer into the context the hub keeps and answers with. Later
 * enrichers (nearest service points, region, programme guide) add to what this one records.
 */
public final class EnrichContext {

    public CustomerContext enrich(DeviceContext device) {
        if (device == null) {
            return CustomerContext.NONE;
        }
        var location = device.location();
        return new CustomerContext(
                location == null ? null : location.latitude(),
                location == null ? null : location.longitude(),
                location == null ? null : location.accuracyMeters(),
                location == null ? null : location.source().name().toLowerCase(java.util.Locale.ROOT),
                device.locale() == null ? null : device.locale().toLanguageTag(),
                device.pageUrl(),
                device.tv() == null ? null : device.tv().service(),
                device.tv() == null ? null : device.tv().programme(),
                device.network());
    }
}
