package dev.switchboard.hub.domain;

import java.io.Serializable;

/**
 * What the hub last learned of the customer's situation from his devices, kept on the conversation so
 * that agents see it. Each part is {@code null} when never told.
 */
public record CustomerContext(Double latitude, Double longitude, Double accuracyMeters, String locationSource,
                              String locale, String pageUrl, String tvService, String tvProgramme, String network)
        implements Serializable {

    public static final CustomerContext NONE = new CustomerContext(null, null, null, null, null, null, null, null, null);

    /** This context with every part that {@code newer} knows replaced by the newer value. */
    public CustomerContext updatedWith(CustomerContext newer) {
        boolean hasLocation = newer.latitude != null && newer.longitude != null;
        return new CustomerContext(
                hasLocation ? newer.latitude : latitude,
                hasLocation ? newer.longitude : longitude,
                hasLocation ? newer.accuracyMeters : accuracyMeters,
                hasLocation ? newer.locationSource : locationSource,
                or(newer.locale, locale), or(newer.pageUrl, pageUrl),
                or(newer.tvService, tvService), or(newer.tvProgramme, tvProgramme), or(newer.network, network));
    }

    private static String or(String newer, String older) {
        return newer != null ? newer : older;
    }
}
