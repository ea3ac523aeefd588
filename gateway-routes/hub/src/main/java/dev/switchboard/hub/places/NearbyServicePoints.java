package dev.switchboard.hub.places;

import dev.switchboard.spi.NearbyPoint;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** The company's service points nearest to a customer, with their distance and whether they are open now. */
public final class NearbyServicePoints {
    private final SpatialIndex<ServicePoint> index;

    public NearbyServicePoints(List<ServicePoint> points) {
        index = SpatialIndex.of(points, ServicePoint::latitude, ServicePoint::longitude);
    }

    public int size() {
        return index.size();
    }

    /** Up to {@code count} service points nearest to the position, nearest first, as at {@code now}. */
    public List<NearbyPoint> nearest(double latitude, double longitude, int count, Instant now) {
        List<SpatialIndex.Neighbour<ServicePoint>> found = index.nearest(latitude, longitude, count);
        List<NearbyPoint> result = new ArrayList<>(found.size());
        ZonedDateTime local = null;
        for (SpatialIndex.Neighbour<ServicePoint> neighbour : found) {
            ServicePoint point = neighbour.item();
            if (local == null || !local.getZone().equals(point.timeZone())) {
                local = now.atZone(point.timeZone()); // nearby points mostly share one zone
            }
            Boolean open = point.hours() == null ? null : point.hours().isOpenAt(local);
            result.add(new NearbyPoint(point.name(), point.address(), point.latitude(), point.longitude(),
                    Math.round(neighbour.distanceMeters()), open, point.hours() == null ? "" : point.hours().toString()));
        }
        return result;
    }
}
