package dev.switchboard.state;

import dev.switchboard.spi.AdapterStore;
import dev.switchboard.spi.Lease;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the database keeps for adapters on one node: their records ({@code adapter_records}, namespaced
 * {@code <adapter id>/<name>}) and leases ({@code adapter_leases}, named {@code <adapter id>-<name>}). Expired
 * records are deleted at start and every {@link #SWEEP_PERIOD}; the leases this node holds are given up on close.
 */
public final class AdapterRecords implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdapterRecords.class);
    static final Duration SWEEP_PERIOD = Duration.ofMinutes(10);

    private final DataSource dataSource;
    private final SqlLeases leases;
    private final ScheduledExecutorService sweeps = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "adapter-records-sweep");
        thread.setDaemon(true);
        return thread;
    });

    private AdapterRecords(DataSource dataSource) {
        this.dataSource = dataSource;
        this.leases = new SqlLeases(dataSource);
    }

    /** Adapter records and leases over {@code dataSource}, whose schema Flyway made. */
    public static AdapterRecords start(DataSource dataSource) {
        AdapterRecords records = new AdapterRecords(dataSource);
        records.sweeps.scheduleWithFixedDelay(records::sweep, 0, SWEEP_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return records;
    }

    /** The records {@code adapterId} keeps under {@code name}. */
    public AdapterStore store(String adapterId, String name) {
        return new SqlAdapterStore(dataSource, adapterId + "/" + name);
    }

    /** The lease {@code adapterId} named {@code name}, taken from now on when free. */
    public Lease lease(String adapterId, String name, Duration period) {
        return leases.take(adapterId + "-" + name, period);
    }

    private void sweep() {
        try {
            int deleted = SqlAdapterStore.deleteExpired(dataSource);
            if (deleted > 0) {
                LOG.info("Deleted {} expired adapter records", deleted);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not delete expired adapter records (tried again in {}): {}", SWEEP_PERIOD, e.toString());
        }
    }

    /** Stops the sweeps and gives up this node's leases. */
    @Override
    public void close() {
        sweeps.shutdownNow();
        leases.close();
    }
}
