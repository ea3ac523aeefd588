package dev.switchboard.hub.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idempotency records are kept for a while, not for ever: clients retry within minutes or hours (Twilio, an SMSC,
 * a browser), and every interaction with a key leaves a record. In memory a record expires {@code keep} after it
 * was written (the map's time to live); in the database the rows older than that are deleted at start and then
 * every {@link #period(Duration)}. A repeat that comes later still is handled again, and its thread still holds
 * the question and the answer once: a thread keeps one message of a direction per key.
 */
final class IdempotencyRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyRetention.class);
    private static final Duration LONGEST_PERIOD = Duration.ofHours(1);

    private final DataSource dataSource;
    private final Duration keep;
    private final Clock clock;
    private final ScheduledExecutorService purges;

    private IdempotencyRetention(DataSource dataSource, Duration keep, Clock clock) {
        this.dataSource = dataSource;
        this.keep = keep;
        this.clock = clock;
        this.purges = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Deletes the records older than {@code keep} now, then every {@link #period(Duration)}. */
    static IdempotencyRetention start(DataSource dataSource, Duration keep, Clock clock) {
        IdempotencyRetention retention = new IdempotencyRetention(dataSource, keep, clock);
        long every = period(keep).toMillis();
        retention.purges.scheduleWithFixedDelay(retention::purgeLogged, 0, every, TimeUnit.MILLISECONDS);
        return retention;
    }

    /** How often the old rows are deleted: every hour, or every half of {@code keep} when that is shorter. */
    static Duration period(Duration keep) {
        Duration half = keep.dividedBy(2);
        return half.compareTo(LONGEST_PERIOD) < 0 ? half : LONGEST_PERIOD;
    }

    /** Deletes the rows written more than {@code keep} ago; returns how many. */
    int purge() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM idempotency_keys WHERE recorded_at < ?")) {
            SqlTimes.set(delete, 1, clock.instant().minus(keep));
            return delete.executeUpdate();
        }
    }

    private void purgeLogged() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                LOG.info("Deleted {} idempotency record(s) older than {}", deleted, keep);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not delete old idempotency records (tried again in {}): {}", period(keep), e.toString());
        }
    }

    @Override
    public void close() {
        purges.shutdownNow();
    }
}
