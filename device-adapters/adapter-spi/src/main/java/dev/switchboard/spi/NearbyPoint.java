package dev.switchboard.spi;

import java.util.Objects;

/**
 * One of the company's service points near the customer, as an answer shows it.
 *
 * @param name           the service point's name
 * @param address        its street address, one line
 * @param latitude       WGS 84 degrees
 * @param longitude      WGS 84 degrees
 * @param distanceMeters great-circle distance from the customer, rounded to whole metres
 * @param openNow        whether it is open at the time of the answer; {@code null} when its hours are unknown
 * @param hours          its opening hours as the company wrote them (e.g. {@code Mo-Fr 09:00-18:00}), or empty
 */
public record NearbyPoint(String name, String address, double latitude, double longitude, long distanceMeters,
                          Boolean openNow, String hours) {
    public NearbyPoint {
        Objects.requireNonNull(name, "name");
        address = address == null ? "" : address;
        hours = hours == null ? "" : hours;
        if (distanceMeters < 0) {
            throw new IllegalArgumentException("distance must not be negative, was " + distanceMeters);
        }
    }
}
