package dev.switchboard.hub.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpatialIndexTest {
    record Spot(String id, double lat, double lon) {
    }

    @Test
    void findsTheSameNearestPointsAsALinearScan() {
        SplittableRandom random = new SplittableRandom(42);
        List<Spot> spots = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // Clustered like real service points: most in a few cities, some anywhere.
            boolean inCity = random.nextInt(4) > 0;
            double lat = inCity ? 50 + random.nextInt(5) + random.nextDouble(-0.1, 0.1) : random.nextDouble(-89, 89);
            double lon = inCity ? 15 + random.nextInt(8) + random.nextDouble(-0.1, 0.1) : random.nextDouble(-180, 180);
            spots.add(new Spot("s" + i, lat, lon));
        }
        SpatialIndex<Spot> index = SpatialIndex.of(spots, Spot::lat, Spot::lon);

        for (int q = 0; q < 500; q++) {
            double lat = random.nextDouble(-90, 90);
            double lon = random.nextDouble(-180, 180);
            List<SpatialIndex.Neighbour<Spot>> found = index.nearest(lat, lon, 5);
            List<Double> expected = spots.stream().map(s -> EarthDistance.meters(lat, lon, s.lat(), s.lon()))
                    .sorted(Comparator.naturalOrder()).limit(5).toList();
            assertThat(found).hasSize(5);
            for (int i = 0; i < 5; i++) {
                assertThat(found.get(i).distanceMeters()).isCloseTo(expected.get(i), within(0.01));
            }
        }
    }

    @Test
    void neighboursAcrossTheDateLineAreNear() {
        SpatialIndex<Spot> index = SpatialIndex.of(List.of(
                new Spot("fiji-east", -17.0, 179.9), new Spot("samoa-west", -17.0, -179.9),
                new Spot("far", -17.0, 170.0)), Spot::lat, Spot::lon);

        List<SpatialIndex.Neighbour<Spot>> found = index.nearest(-17.0, -179.99, 2);

        assertThat(found).extracting(n -> n.item().id()).containsExactly("samoa-west", "fiji-east");
        assertThat(found.get(1).distanceMeters()).isLessThan(25_000);
    }

    @Test
    void asksForMoreThanThereAreGivesAllNearestFirst() {
        SpatialIndex<Spot> index = SpatialIndex.of(List.of(new Spot("b", 51, 0), new Spot("a", 50, 0)),
                Spot::lat, Spot::lon);

        assertThat(index.nearest(49, 0, 5)).extracting(n -> n.item().id()).containsExactly("a", "b");
        assertThat(SpatialIndex.of(List.<Spot>of(), Spot::lat, Spot::lon).nearest(0, 0, 5)).isEmpty();
    }

    @Test
    void haversineMatchesAKnownDistance() {
        // Warsaw Palace of Culture to Kraków Main Square: about 252 km.
        assertThat(EarthDistance.meters(52.2318, 21.0060, 50.0617, 19.9373)).isCloseTo(252_000, within(3_000.0));
        assertThat(EarthDistance.meters(10, 20, 10, 20)).isZero();
    }
}
