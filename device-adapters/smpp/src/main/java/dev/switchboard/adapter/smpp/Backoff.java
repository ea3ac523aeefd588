package dev.switchboard.adapter.smpp;

import java.time.Duration;

/** Capped exponential backoff: the first wait is {@code min}, each next one doubles, never above {@code max}. */
final class Backoff {
    private final Duration min;
    private final Duration max;
    private Duration next;

    Backoff(Duration min, Duration max) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, was " + min + " and " + max);
        }
        this.min = min;
        this.max = max;
        this.next = min;
    }

    synchronized Duration next() {
        Duration now = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return now;
    }

    synchronized void reset() {
        next = min;
    }
}
