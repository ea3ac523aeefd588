package dev.switchboard.hub.places;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One of the company's service points, from its list.
 *
 * @param id       the company's id for it
 * @param address  street address, one line
 * @param region   the region the company files it under (may be empty)
 * @param timeZone where its opening hours are read
 * @param hours    when it is open; {@code null} when the list does not say
 */
public record ServicePoint(String id, String name, String address, double latitude, double longitude, String region,
                           ZoneId timeZone, OpeningHours hours) {
    public ServicePoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "time zone");
        address = address == null ? "" : address;
        region = region == null ? "" : region;
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException(
                    "service point " + id + " has no valid position: " + latitude + ", " + longitude);
        }
    }
}
