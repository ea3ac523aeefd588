package dev.switchboard.hub.places;

/** Distances on the earth, taken as a sphere of the mean radius (error under 0.5 %). */
public final class EarthDistance {
    /** Mean earth radius (IUGG), metres. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private EarthDistance() {
    }

    /** Great-circle distance between two WGS 84 positions, in metres, by the haversine formula. */
    public static double meters(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double sinHalfDLat = Math.sin((phi2 - phi1) / 2);
        double sinHalfDLon = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double h = sinHalfDLat * sinHalfDLat + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLon * sinHalfDLon;
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
