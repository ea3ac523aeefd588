package dev.switchboard.hub.domain;


/**
 * What the hub last learned of the customer's situation from his devices, kept on the conversation so
 * that agents see it. Each part is {@code null} when never told.
 *
 * @param place  the gazetteer's place nearest to the customer's location (or the one he keyed in)
 * @param region that place's region (a voivodeship, a UK nation, a state), or the broadcast region of a TV
 *               box that tells no location: what routing to a region's agent team goes by
 */
public record CustomerContext(Double latitude, Double longitude, Double accuracyMeters, String locationSource,
                              String locale, String pageUrl, String tvService, String tvProgramme, String network,
                              String place, String region) {

    public static final CustomerContext NONE =
            new CustomerContext(null, null, null, null, null, null, null, null, null, null, null);

    /** A context without a place or region. */
    public CustomerContext(Double latitude, Double longitude, Double accuracyMeters, String locationSource,
                           String locale, String pageUrl, String tvService, String tvProgramme, String network) {
        this(latitude, longitude, accuracyMeters, locationSource, locale, pageUrl, tvService, tvProgramme, network,
                null, null);
    }

    /** Whether the customer's position is known. */
    public boolean hasLocation() {
        return latitude != null && longitude != null;
    }

    /** This context with its place and region set. */
    public CustomerContext withPlace(String newPlace, String newRegion) {
        return new CustomerContext(latitude, longitude, accuracyMeters, locationSource, locale, pageUrl, tvService,
                tvProgramme, network, newPlace, newRegion);
    }

    /**
     * This context with every part that {@code newer} knows replaced by the newer value. Place and region go
     * with the location they were found for; a region told without a location (a TV box's) replaces the region.
     */
    public CustomerContext updatedWith(CustomerContext newer) {
        boolean hasLocation = newer.hasLocation();
        return new CustomerContext(
                hasLocation ? newer.latitude : latitude,
                hasLocation ? newer.longitude : longitude,
                hasLocation ? newer.accuracyMeters : accuracyMeters,
                hasLocation ? newer.locationSource : locationSource,
                or(newer.locale, locale), or(newer.pageUrl, pageUrl),
                or(newer.tvService, tvService), or(newer.tvProgramme, tvProgramme), or(newer.network, network),
                hasLocation ? newer.place : place,
                hasLocation ? newer.region : or(newer.region, region));
    }

    private static String or(String newer, String older) {
        return newer != null ? newer : older;
    }
}
