package dev.switchboard.bench;

import dev.switchboard.hub.places.EarthDistance;
import dev.switchboard.hub.places.Gazetteer;
import dev.switchboard.hub.places.GazetteerLoader;
import dev.switchboard.hub.places.NearbyServicePoints;
import dev.switchboard.hub.places.OpeningHours;
import dev.switchboard.hub.places.Place;
import dev.switchboard.hub.places.ServicePoint;
import dev.switchboard.spi.NearbyPoint;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.LoggerFactory;
import org.slf4j.Logger;

/**
 * The enrichment look-up under load: for a customer's position, the nearest place of the gazetteer and the
 * five nearest of 100,000 service points (with distances and open now), timed one by one. The baseline,
 * in the same run on the same queries, is a linear scan of the service points with the same haversine;
 * the run also checks that both find the same points. Prints and writes {@code nearby-lookup.md}.
 *
 * <pre>mvn -q -pl gateway-routes/app -am -Pbench -DskipTests -Dbench.help-load.skip=true verify</pre>
 * Options: -Dbench.points (100000), -Dbench.lookups (200000), -Dbench.scans (300), -Dbench.out.
 */
public final class NearbyLookupRun {
    private static final Logger LOG = LoggerFactory.getLogger("bench");
    static final String COMMAND = "mvn -q -pl gateway-routes/app -am -Pbench -DskipTests -Dbench.help-load.skip=true verify";
    static final double TARGET_P99_MICROS = 50;
    private static final int K = 5;

    private NearbyLookupRun() {
    }

    public static void main(String[] args) throws IOException {
        int pointCount = Integer.getInteger("bench.points", 100_000);
        int lookups = Integer.getInteger("bench.lookups", 200_000);
        int scans = Integer.getInteger("bench.scans", 300);
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));

        List<Place> places = placesOf();
        long heapAtStart = usedHeapAfterGc();
        long gazetteerStart = System.nanoTime();
        Gazetteer gazetteer = GazetteerLoader.shipped();
        double gazetteerLoadMs = (System.nanoTime() - gazetteerStart) / 1e6;
        long heapWithGazetteer = usedHeapAfterGc();
        SplittableRandom random = new SplittableRandom(20261123);
        List<ServicePoint> points = servicePoints(places, pointCount, random);
        long heapWithPoints = usedHeapAfterGc();
        NearbyServicePoints index = new NearbyServicePoints(points);
        long heapWithIndex = usedHeapAfterGc();
        double[] builds = new double[5];
        for (int i = 0; i < builds.length; i++) {
            long start = System.nanoTime();
            index = new NearbyServicePoints(points);
            builds[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(builds);

        double[][] queries = queries(places, lookups, random);
        Instant now = Instant.now();
        long sink = 0;
        for (int round = 0; round < 2; round++) { // warm-up: the JIT compiles the look-up path
            for (double[] q : queries) {
                sink += lookUp(gazetteer, index, q, now);
            }
        }
        MachineCpu.Snapshot cpuBefore = MachineCpu.snapshot();
        long[] indexNanos = new long[lookups];
        long[] indexCpuNanos = new long[lookups];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < lookups; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sink += lookUp(gazetteer, index, queries[i], now);
            indexNanos[i] = System.nanoTime() - start;
            indexCpuNanos[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }

        MachineCpu.Use cpu = MachineCpu.between(cpuBefore, MachineCpu.snapshot());
        LinearScan scan = new LinearScan(points);
        for (int i = 0; i < Math.min(scans, 50); i++) {
            sink += scan.nearest(queries[i][0], queries[i][1]).length;
        }
        long[] scanNanos = new long[scans];
        int mismatches = 0;
        for (int i = 0; i < scans; i++) {
            double[] q = queries[i];
            long start = System.nanoTime();
            int[] found = scan.nearest(q[0], q[1]);
            scanNanos[i] = System.nanoTime() - start;
            List<NearbyPoint> fromIndex = index.nearest(q[0], q[1], K, now);
            for (int j = 0; j < K; j++) {
                double expected = EarthDistance.meters(q[0], q[1], points.get(found[j]).latitude(), points.get(found[j]).longitude());
                if (Math.abs(fromIndex.get(j).distanceMeters() - Math.round(expected)) > 1) {
                    mismatches++;
                }
            }
        }
        Arrays.sort(indexNanos);
        Arrays.sort(indexCpuNanos);
        Arrays.sort(scanNanos);
        double indexP99 = percentileMicros(indexNanos, 99);
        double scanP99 = percentileMicros(scanNanos, 99);
        String report = String.format(Locale.ROOT, """
                # Nearby look-up benchmark, %s

                %,d service points around real places + the gazetteer (%,d places, loaded in %.0f ms), %,d timed
                look-ups after %,d warm-up look-ups; one thread. A look-up: the nearest gazetteer place and the %d nearest
                service points with distances and open now. Baseline: a linear scan of the service points (haversine,
                the %d smallest) on the first %,d of the same queries. Mismatches between index and scan: %d.

                | figure | index | linear scan (same run) | ratio scan/index |
                |---|---|---|---|
                | p50 per look-up | %.1f µs | %.1f µs | %.0f |
                | p99 per look-up | %.1f µs | %.1f µs | %.0f |
                | p99.9 per look-up | %.1f µs | %.1f µs | |
                | p99 CPU time per look-up (this thread's, without time preempted; includes ~1 µs of clock reads) | %.1f µs | | |
                | index build (median of 5) | %.0f ms | | |
                | heap: gazetteer / 100,000 service points / their index | %.1f / %.1f / %.1f MiB | | |

                During the timed look-ups, other processes used %.0f %% of all cores (this JVM %.0f %%).
                Target p99 <= %.0f µs: %s. Command: `%s`. (checksum %d)
                """,
                LocalDate.now(), pointCount, gazetteer.size(), gazetteerLoadMs, lookups, 2 * lookups, K, K, scans, mismatches,
                percentileMicros(indexNanos, 50), percentileMicros(scanNanos, 50),
                percentileMicros(scanNanos, 50) / percentileMicros(indexNanos, 50),
                indexP99, scanP99, scanP99 / indexP99,
                percentileMicros(indexNanos, 99.9), percentileMicros(scanNanos, 99.9),
                percentileMicros(indexCpuNanos, 99),
                builds[builds.length / 2], mib(heapWithGazetteer - heapAtStart), mib(heapWithPoints - heapWithGazetteer),
                mib(heapWithIndex - heapWithPoints),
                cpu.otherProcesses(), cpu.thisJvm(), TARGET_P99_MICROS, indexP99 <= TARGET_P99_MICROS ? "met" : "NOT met", COMMAND, sink % 10);
        Files.createDirectories(out);
        Files.writeString(out.resolve("nearby-lookup.md"), report);
        LOG.info("Nearby look-up benchmark:\n{}", report);
        if (mismatches > 0) {
            throw new IllegalStateException(mismatches + " look-ups differ between the index and the linear scan");
        }
    }

    private static long lookUp(Gazetteer gazetteer, NearbyServicePoints index, double[] q, Instant now) {
        long found = gazetteer.nearest(q[0], q[1]).map(n -> n.item().population()).orElse(0L);
        return found + index.nearest(q[0], q[1], K, now).get(K - 1).distanceMeters();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** The gazetteer's places, read from the extract, to put service points and customers where people live. */
    private static List<Place> placesOf() {
        try (var in = new java.util.zip.GZIPInputStream(
                NearbyLookupRun.class.getClassLoader().getResourceAsStream(GazetteerLoader.RESOURCE))) {
            List<Place> places = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] f = line.split("\t", -1);
                    places.add(new Place(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                            Long.parseLong(f[5]), List.of()));
                }
            }
            return places;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Service points where people live: around gazetteer places, within about 5 km. */
    private static List<ServicePoint> servicePoints(List<Place> places, int count, SplittableRandom random) {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-20:00; Sa 09:00-15:00");
        List<ServicePoint> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Place place = places.get(random.nextInt(places.size()));
            double lat = clamp(place.latitude() + random.nextDouble(-0.045, 0.045), -90, 90);
            double lon = wrap(place.longitude() + random.nextDouble(-0.07, 0.07));
            points.add(new ServicePoint("sp-" + i, "Point " + i, "Street " + i, lat, lon, place.region(),
                    ZoneId.of("Europe/Warsaw"), hours));
        }
        return points;
    }

    /** Customers: nine in ten near a real place, one anywhere on earth. */
    private static double[][] queries(List<Place> places, int count, SplittableRandom random) {
        double[][] queries = new double[count][];
        for (int i = 0; i < count; i++) {
            if (random.nextInt(10) == 0) {
                queries[i] = new double[] {random.nextDouble(-85, 85), random.nextDouble(-180, 180)};
            } else {
                Place place = places.get(random.nextInt(places.size()));
                queries[i] = new double[] {clamp(place.latitude() + random.nextDouble(-0.1, 0.1), -90, 90),
                        wrap(place.longitude() + random.nextDouble(-0.1, 0.1))};
            }
        }
        return queries;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double wrap(double lon) {
        return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
    }

    private static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double percentileMicros(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e3;
    }

    /** The baseline: every point's haversine distance, keeping the K smallest. */
    private static final class LinearScan {
        private final double[] lat;
        private final double[] lon;

        LinearScan(List<ServicePoint> points) {
            lat = points.stream().mapToDouble(ServicePoint::latitude).toArray();
            lon = points.stream().mapToDouble(ServicePoint::longitude).toArray();
        }

        int[] nearest(double qLat, double qLon) {
            int[] best = new int[K];
            double[] bestDistance = new double[K];
            Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
            for (int i = 0; i < lat.length; i++) {
                double d = EarthDistance.meters(qLat, qLon, lat[i], lon[i]);
                if (d < bestDistance[K - 1]) {
                    int at = K - 1;
                    while (at > 0 && bestDistance[at - 1] > d) {
                        bestDistance[at] = bestDistance[at - 1];
                        best[at] = best[at - 1];
                        at--;
                    }
                    bestDistance[at] = d;
                    best[at] = i;
                }
            }
            return best;
        }
    }
}
