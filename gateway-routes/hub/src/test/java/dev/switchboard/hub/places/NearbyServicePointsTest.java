package dev.switchboard.hub.places;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.NearbyPoint;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearbyServicePointsTest {
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private static ServicePoint point(String id, double lat, double lon, String hours) {
        return new ServicePoint(id, "Point " + id, id + " Street 1", lat, lon, "Lesser Poland", WARSAW,
                hours == null ? null : OpeningHours.parse(hours));
    }

    @Test
    void nearestFirstWithDistancesAndWhetherOpenNow() {
        NearbyServicePoints points = new NearbyServicePoints(List.of(
                point("far", 50.0830, 19.8920, "24/7"),
                point("near", 50.0618, 19.9369, "Mo-Fr 08:00-20:00"),
                point("middle", 50.0676, 19.9450, null)));
        Instant mondayNoonInWarsaw = Instant.parse("2026-11-23T11:00:00Z");

        List<NearbyPoint> found = points.nearest(50.0614, 19.9366, 2, mondayNoonInWarsaw);

        assertThat(found).extracting(NearbyPoint::name).containsExactly("Point near", "Point middle");
        assertThat(found.get(0).distanceMeters()).isBetween(40L, 60L);
        assertThat(found.get(0).openNow()).isTrue();
        assertThat(found.get(0).hours()).isEqualTo("Mo-Fr 08:00-20:00");
        assertThat(found.get(1).openNow()).as("hours unknown").isNull();
        assertThat(points.nearest(50.0614, 19.9366, 1, Instant.parse("2026-11-23T19:30:00Z")).get(0).openNow())
                .as("20:30 in Warsaw").isFalse();
    }
}
