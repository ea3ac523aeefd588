package dev.switchboard.spi;

import java.util.Objects;

/**
 * A position on the earth (WGS 84 degrees) with its accuracy radius in metres, when known, and its source.
 *
 * @param accuracyMeters the radius within which the true position lies, or {@code null} when unknown
 */
public record GeoLocation(double latitude, double longitude, Double accuracyMeters, LocationSource source) {
    public GeoLocation {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90, was " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180, was " + longitude);
        }
        if (accuracyMeters != null && !(accuracyMeters >= 0 && accuracyMeters < 1e7)) {
            throw new IllegalArgumentException("accuracy must be a distance in metres, was " + accuracyMeters);
        }
        Objects.requireNonNull(source, "location source");
    }
}
