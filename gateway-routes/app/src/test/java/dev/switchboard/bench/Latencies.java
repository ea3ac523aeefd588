package dev.switchboard.bench;

import java.util.Arrays;

/**
 * The latencies of one measured phase, in nanoseconds, in an array allocated before the phase starts, so
 * that recording one is a plain store. Slots are claimed by the caller (an index from an atomic counter).
 */
final class Latencies {
    private final long[] nanos;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    int capacity() {
        return nanos.length;
    }

    void set(int index, long latencyNanos) {
        nanos[index] = latencyNanos;
    }

    /** The distribution of the first {@code count} recorded latencies, skipping the unset (error) slots. */
    Summary summarize(int count) {
        long[] sorted = Arrays.stream(nanos, 0, Math.min(count, nanos.length)).filter(n -> n > 0).sorted().toArray();
        if (sorted.length == 0) {
            return new Summary(0, 0, 0, 0, 0, 0, 0);
        }
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new Summary(sorted.length, sum / sorted.length / 1e6, percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), percentile(sorted, 99.9), sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /** Latency figures in milliseconds. */
    record Summary(int samples, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs) {
    }
}
