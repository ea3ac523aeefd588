package dev.switchboard.state;

import dev.switchboard.spi.Lease;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases of one node ({@link Lease}), as rows of {@code adapter_leases}: holder, epoch, expiry by the database's
 * clock. Each lease is taken, renewed and given up by one thread of the node, every third of its period:
 *
 * <ul>
 *   <li>taken when free or run out: {@code UPDATE ... SET holder = me, epoch = epoch + 1, expires_at = now + period
 *       WHERE lease_name = ? AND (holder IS NULL OR expires_at <= CURRENT_TIMESTAMP)}, so that of two nodes one
 *       changes the row and the other finds it held (the row is made first, once, where missing);</li>
 *   <li>renewed only under the epoch it was taken with: {@code ... WHERE holder = me AND epoch = mine}; a renewal that
 *       changes no row means another node took it, and this one stops holding it at once;</li>
 *   <li>held, for {@link Lease#holds()}, until one period after the start of the last good renewal by this node's
 *       monotonic clock: never later than the database's expiry, so a node that cannot renew stops before another
 *       can take over.</li>
 * </ul>
 */
final class SqlLeases implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqlLeases.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "adapter-leases");
        thread.setDaemon(true);
        return thread;
    });
    private final List<SqlLease> leases = new CopyOnWriteArrayList<>();

    SqlLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Tries to take the lease {@code name} now, before returning (so that a free lease is held at once), and then
     * every third of {@code period}, when it renews it if held.
     */
    Lease take(String name, Duration period) {
        if (period.toMillis() < 3) {
            throw new IllegalArgumentException("a lease period of " + period + " is too short");
        }
        SqlLease lease = new SqlLease(name, period);
        leases.add(lease);
        lease.tick();
        long every = period.toMillis() / 3;
        lease.ticking = ticks.scheduleWithFixedDelay(lease::tick, every, every, TimeUnit.MILLISECONDS);
        return lease;
    }

    /** Gives up every lease this node holds and stops taking them. */
    @Override
    public void close() {
        leases.forEach(SqlLease::close);
        ticks.shutdownNow();
    }

    private final class SqlLease implements Lease {
        private final String name;
        private final Duration period;
        private final String holder = UUID.randomUUID().toString();
        private volatile ScheduledFuture<?> ticking;
        /** The epoch held, or -1. Changed by the lease's tick and by close, under the lease's lock. */
        private long epoch = -1;
        private volatile long heldUntilNanos;
        private volatile boolean held;
        private boolean closed;
        private boolean failing;

        SqlLease(String name, Duration period) {
            this.name = name;
            this.period = period;
        }

        @Override
        public boolean holds() {
            return held && System.nanoTime() - heldUntilNanos < 0;
        }

        private synchronized void tick() {
            if (closed) {
                return;
            }
            long started = System.nanoTime();
            try {
                if (epoch >= 0 && renew()) {
                    heldUntilNanos = started + period.toNanos();
                } else {
                    if (epoch >= 0) {
                        LOG.warn("Lease {} (epoch {}) was taken by another node; no longer held here", name, epoch);
                        held = false;
                        epoch = -1;
                    }
                    epoch = acquire();
                    if (epoch >= 0) {
                        heldUntilNanos = started + period.toNanos();
                        held = true;
                        LOG.info("Lease {} taken (epoch {}), held for {} s at a time", name, epoch, period.toSeconds());
                    }
                }
                if (failing) {
                    LOG.info("Lease {}: the database answers again", name);
                    failing = false;
                }
            } catch (SQLException | RuntimeException e) {
                if (!failing) {
                    LOG.warn("Lease {} cannot be {} ({}): {}", name, epoch >= 0 ? "renewed" : "taken",
                            epoch >= 0 ? "held at most until its period runs out" : "tried again", e.toString());
                    failing = true;
                }
            }
        }

        private boolean renew() throws SQLException {
            return SqlCalls.inTransaction(dataSource, connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE adapter_leases SET expires_at = "
                        + SqlCalls.NOW_PLUS_MILLIS + " WHERE lease_name = ? AND holder = ? AND epoch = ?")) {
                    update.setLong(1, period.toMillis());
                    update.setString(2, name);
                    update.setString(3, holder);
                    update.setLong(4, epoch);
                    return update.executeUpdate() == 1;
                }
            });
        }

        /** Takes the lease when it is free or ran out; its new epoch, or -1. */
        private long acquire() throws SQLException {
            ensureRow();
            return SqlCalls.inTransaction(dataSource, connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE adapter_leases SET holder = ?,"
                        + " epoch = epoch + 1, expires_at = " + SqlCalls.NOW_PLUS_MILLIS
                        + " WHERE lease_name = ? AND (holder IS NULL OR expires_at <= CURRENT_TIMESTAMP)")) {
                    update.setString(1, holder);
                    update.setLong(2, period.toMillis());
                    update.setString(3, name);
                    if (update.executeUpdate() != 1) {
                        return -1L;
                    }
                }
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT epoch FROM adapter_leases WHERE lease_name = ? AND holder = ?")) {
                    select.setString(1, name);
                    select.setString(2, holder);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                }
            });
        }

        private void ensureRow() throws SQLException {
            try {
                SqlCalls.inTransaction(dataSource, connection -> {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO adapter_leases"
                            + " (lease_name, holder, epoch, expires_at) SELECT ?, CAST(NULL AS VARCHAR(200)), 0, CURRENT_TIMESTAMP"
                            + " WHERE NOT EXISTS (SELECT 1 FROM adapter_leases WHERE lease_name = ?)")) {
                        insert.setString(1, name);
                        insert.setString(2, name);
                        return insert.executeUpdate();
                    }
                });
            } catch (SQLException e) {
                if (!SqlCalls.isUniqueViolation(e)) {
                    throw e;
                }
                // Another node made the row at the same time: it is there, which is all this wanted.
            }
        }

        @Override
        public void close() {
            ScheduledFuture<?> task = ticking;
            if (task != null) {
                task.cancel(false);
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                boolean wasHeld = held;
                held = false;
                if (epoch < 0) {
                    return;
                }
                try {
                    SqlCalls.inTransaction(dataSource, connection -> {
                        try (PreparedStatement update = connection.prepareStatement("UPDATE adapter_leases SET holder = NULL,"
                                + " expires_at = CURRENT_TIMESTAMP WHERE lease_name = ? AND holder = ? AND epoch = ?")) {
                            update.setString(1, name);
                            update.setString(2, holder);
                            update.setLong(3, epoch);
                            return update.executeUpdate();
                        }
                    });
                    if (wasHeld) {
                        LOG.info("Lease {} (epoch {}) given up", name, epoch);
                    }
                } catch (SQLException | RuntimeException e) {
                    LOG.warn("Lease {} could not be given up (another node takes it when it runs out): {}", name, e.toString());
                }
                epoch = -1;
            }
            leases.remove(this);
        }
    }
}
