package dev.switchboard.state;

import java.time.Duration;

/**
 * How much of the durable records each node keeps in memory: customers, address links, conversation headers and
 * idempotency records are cached, and the database has them all. An entry not asked for within {@code idle}, or the
 * least recently used ones once a map's entries pass its share of {@code heapMegabytes}, leave memory; the next
 * look-up loads them again.
 *
 * @param heapMegabytes what the four caches may hold on one node together, in MiB (each a quarter, at least 1)
 * @param idle          how long an entry stays in memory without being asked for
 */
public record CacheLimits(int heapMegabytes, Duration idle) {
    /** 64 MiB and 30 minutes, the configuration's defaults. */
    public static final CacheLimits DEFAULT = new CacheLimits(64, Duration.ofMinutes(30));

    /** The maps the limits apply to, each taking an equal share. */
    static final int CACHED_MAPS = 4;

    public CacheLimits {
        if (heapMegabytes < CACHED_MAPS) {
            throw new IllegalArgumentException("the caches need at least " + CACHED_MAPS + " MiB, not " + heapMegabytes);
        }
        if (idle.toSeconds() < 1) {
            throw new IllegalArgumentException("a cached entry must stay at least one second, not " + idle);
        }
    }

    /** One map's share, in MiB. */
    int perMap() {
        return heapMegabytes / CACHED_MAPS;
    }
}
