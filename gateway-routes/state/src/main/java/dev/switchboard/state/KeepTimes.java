package dev.switchboard.state;

import java.time.Duration;

/**
 * How long the records that matter for a while only are kept, in memory and in the database ({@link RowRetention}).
 *
 * @param idempotencyRecords  a processed message's outcome, kept to answer its repeats
 * @param preferredAgentMarks an agent's mark as a customer's preferred agent (the routing's preferred window)
 */
public record KeepTimes(Duration idempotencyRecords, Duration preferredAgentMarks) {
    /** 7 days and 72 hours, the configuration's defaults. */
    public static final KeepTimes DEFAULT = new KeepTimes(Duration.ofDays(7), Duration.ofHours(72));

    public KeepTimes {
        atLeastOneSecond(idempotencyRecords, "idempotency records");
        atLeastOneSecond(preferredAgentMarks, "preferred-agent marks");
    }

    private static void atLeastOneSecond(Duration keep, String what) {
        if (keep.toSeconds() < 1) {
            throw new IllegalArgumentException(what + " must be kept at least one second, was " + keep);
        }
    }

    /** A time to live as Hazelcast takes it: whole seconds, at most {@link Integer#MAX_VALUE}. */
    static int seconds(Duration keep) {
        return (int) Math.min(keep.toSeconds(), Integer.MAX_VALUE);
    }
}
