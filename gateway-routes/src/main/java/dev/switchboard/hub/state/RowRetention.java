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
 * Records that matter for a while only, kept that long, not for ever: the outcomes kept to answer a client's
 * retries (minutes or hours), and agents' preferred marks (the configured window). In memory each expires
 * {@code keep} after it was written (its map's time to live); in the database the rows older than that are deleted
 * at start and then every {@link #period(Duration)}, so that a look-up after the time is up finds nothing there
 * either.
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
    private final Rows rows;
    private final Duration keep;
    private final Clock clock;
    private final ScheduledExecutorService purges;

    private RowRetention(DataSource dataSource, Rows rows, Duration keep, Clock clock) {
        this.dataSource = dataSource;
        this.rows = rows;
        this.keep = keep;
        this.clock = clock;
        this.purges = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "purge-" + rows.table());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Deletes the rows older than {@code keep} now, then every {@link #period(Duration)}. */
    static RowRetention start(DataSource dataSource, Rows rows, Duration keep, Clock clock) {
        RowRetention retention = new RowRetention(dataSource, rows, keep, clock);
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
                     "DELETE FROM " + rows.table() + " WHERE " + rows.written() + " < ?")) {
            SqlTimes.set(delete, 1, clock.instant().minus(keep));
            return delete.executeUpdate();
        }
    }

    private void purgeLogged() {
        try {
            int deleted = purge();
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
