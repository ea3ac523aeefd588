package dev.switchboard.state;

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
 * Records that matter for a while only, kept that long, not for ever: the outcomes kept to answer a client's
 * retries (minutes or hours), and agents' preferred marks (the configured window). In memory each expires
 * {@code keep} after it was written (its map's time to live); in the database the rows older than that are deleted
 * at start and then every {@link #period(Duration)}, by one thread for every kind, so that a look-up after the time
 * is up finds nothing there either.
 */
final class RowRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RowRetention.class);
    private static final Duration LONGEST_PERIOD = Duration.ofHours(1);

    /**
     * @param table    the table
     * @param written  its column of when a row was written
     * @param what     what a row is, for the log ("idempotency records")
     */
    record Rows(String table, String written, String what) {
        static final Rows IDEMPOTENCY = new Rows("idempotency_keys", "recorded_at", "idempotency records");
        static final Rows PREFERRED_AGENTS = new Rows("preferred_agents", "marked_at", "preferred-agent marks");
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final ScheduledExecutorService purges = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "row-retention");
        thread.setDaemon(true);
        return thread;
    });

    RowRetention(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Deletes the {@code rows} older than {@code keep} now, then every {@link #period(Duration)}; returns this. */
    RowRetention keep(Rows rows, Duration keep) {
        purges.scheduleWithFixedDelay(() -> purgeLogged(rows, keep), 0, period(keep).toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** How often the old rows are deleted: every hour, or every half of {@code keep} when that is shorter. */
    static Duration period(Duration keep) {
        Duration half = keep.dividedBy(2);
        return half.compareTo(LONGEST_PERIOD) < 0 ? half : LONGEST_PERIOD;
    }

    /** Deletes the {@code rows} written more than {@code keep} ago; returns how many. */
    int purge(Rows rows, Duration keep) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM " + rows.table() + " WHERE " + rows.written() + " < ?")) {
            SqlTimes.set(delete, 1, clock.instant().minus(keep));
            return delete.executeUpdate();
        }
    }

    private void purgeLogged(Rows rows, Duration keep) {
        try {
            int deleted = purge(rows, keep);
            if (deleted > 0) {
                LOG.info("Deleted {} {} older than {}", deleted, rows.what(), keep);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not delete old {} (tried again in {}): {}", rows.what(), period(keep), e.toString());
        }
    }

    @Override
    public void close() {
        purges.shutdownNow();
    }
}
