package dev.switchboard.hub.state;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the durable maps' writes durable, many callers' at a time. A caller blocks until its write is in
 * the {@link Journal} (one file write for all the writes gathered meanwhile), so a write that returned
 * survives the process being killed. A second thread then writes the journaled batches to the database,
 * several batches to a transaction, and moves the journal's checkpoint past them.
 *
 * <p>A database batch that fails is rolled back and its writes retried one by one, so one bad write costs
 * only itself; it is logged with its store and key (it is still in memory, and in the journal until the
 * checkpoint passes it).
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 512;
    private static final int MAX_BATCHES_BEHIND = 64;

    /** One write, run inside a database transaction that the caller commits; must not commit or roll back. */
    @FunctionalInterface
    interface Write {
        void apply(Connection connection) throws SQLException;
    }

    /** A store that can write a journaled entry to the database again (at start-up, after a crash). */
    interface Replayable {
        /** The name the store's entries carry in the journal; must stay the same across versions. */
        String journalName();

        void replay(Connection connection, String key, byte[] body) throws SQLException;
    }

    private record Pending(Journal.Entry entry, Write write, CompletableFuture<Void> done) {
    }

    private record Journaled(List<Pending> writes, Journal.Position end) {
    }

    private final DataSource dataSource;
    private Journal journal;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<Journaled> toDatabase = new ArrayBlockingQueue<>(MAX_BATCHES_BEHIND);
    private final Thread journalWriter;
    private final Thread databaseWriter;
    private volatile boolean running = true;
    private volatile boolean journalDone;
    /** Set once the database missed writes: from then on the journal is kept whole for the next start. */
    private boolean checkpointHeld;
    /** The database writer's own connection, kept open so the database reuses its parsed statements. */
    private Connection connection;

    GroupCommit(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.journalWriter = new Thread(this::journalLoop, "journal-writer-" + name);
        this.databaseWriter = new Thread(this::databaseLoop, "database-writer-" + name);
        journalWriter.setDaemon(true);
        databaseWriter.setDaemon(true);
    }

    /**
     * Writes what the journal in {@code journalDirectory} holds beyond its checkpoint to the database
     * through {@code stores} (the database then has everything), then starts taking writes.
     */
    void start(Path journalDirectory, List<? extends Replayable> stores) {
        Map<String, Replayable> byName = new HashMap<>();
        stores.forEach(store -> byName.put(store.journalName(), store));
        try (Connection replayConnection = dataSource.getConnection()) {
            replayConnection.setAutoCommit(false);
            journal = Journal.recover(journalDirectory, entry -> replay(byName, replayConnection, entry),
                    () -> commit(replayConnection));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot replay the journal into the database: " + e.getMessage(), e);
        }
        journalWriter.start();
        databaseWriter.start();
    }

    private static void replay(Map<String, Replayable> stores, Connection connection, Journal.Entry entry) {
        Replayable store = stores.get(entry.store());
        if (store == null) {
            throw new IllegalStateException("no store named '" + entry.store() + "' for a journal record");
        }
        try {
            store.replay(connection, entry.key(), entry.body());
        } catch (SQLException | RuntimeException e) {
            LOG.error("The database refused the journaled change of {} '{}': {}", entry.store(), entry.key(),
                    e.getMessage());
        }
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot commit the replayed journal: " + e.getMessage(), e);
        }
    }

    /** Journals {@code entry}, returns once it is in the journal file, and writes it to the database later. */
    void commit(Journal.Entry entry, Write write) {
        if (!running || journal == null) {
            throw new IllegalStateException("the database writer is " + (running ? "not started" : "stopped"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(entry, write, done));
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void journalLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        List<Journal.Entry> entries = new ArrayList<>(MAX_BATCH);
        try {
            while (running || !queue.isEmpty()) {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                batch.forEach(pending -> entries.add(pending.entry()));
                try {
                    Journal.Position end = journal.append(entries);
                    batch.forEach(pending -> pending.done().complete(null));
                    toDatabase.put(new Journaled(List.copyOf(batch), end));
                } catch (IOException e) {
                    LOG.error("Cannot write {} change(s) to the journal: {}", batch.size(), e.toString());
                    IllegalStateException failure = new IllegalStateException("cannot write to the journal: " + e, e);
                    batch.forEach(pending -> pending.done().completeExceptionally(failure));
                }
                batch.clear();
                entries.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            Pending pending;
            while ((pending = queue.poll()) != null) {
                pending.done().completeExceptionally(new IllegalStateException("the database writer is stopped"));
            }
            journalDone = true;
        }
    }

    private void databaseLoop() {
        List<Journaled> batches = new ArrayList<>();
        while (!journalDone || !toDatabase.isEmpty()) {
            try {
                Journaled first = toDatabase.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batches.add(first);
                toDatabase.drainTo(batches);
                if (writeToDatabase(batches) && !checkpointHeld) {
                    journal.checkpoint(batches.get(batches.size() - 1).end());
                } else {
                    checkpointHeld = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException e) {
                LOG.warn("Cannot move the journal checkpoint: {}", e.toString());
            } finally {
                batches.clear();
            }
        }
        closeConnection();
    }

    /** Returns whether every write reached the database or was refused on its own (and logged). */
    private boolean writeToDatabase(List<Journaled> batches) {
        try {
            Connection connection = connection();
            try {
                for (Journaled batch : batches) {
                    for (Pending pending : batch.writes()) {
                        pending.write().apply(connection);
                    }
                }
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                LOG.warn("A database transaction of journaled writes failed ({}); writing them one by one", e.getMessage());
            }
            for (Journaled batch : batches) {
                for (Pending pending : batch.writes()) {
                    writeAlone(connection, pending);
                }
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            LOG.error("Cannot write journaled changes to the database ({}); they stay in memory, the journal keeps "
                    + "them from now on and the next start writes them to the database", e.getMessage());
            return false;
        }
    }

    private static void writeAlone(Connection connection, Pending pending) throws SQLException {
        try {
            pending.write().apply(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            LOG.error("The database refused the change of {} '{}': {}", pending.entry().store(), pending.entry().key(),
                    e.getMessage());
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the writer's connection failed: {}", e.getMessage());
            }
            connection = null;
        }
    }

    /** Journals and writes to the database what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        if (journal == null) {
            return;
        }
        try {
            journalWriter.join(TimeUnit.SECONDS.toMillis(10));
            databaseWriter.join(TimeUnit.SECONDS.toMillis(30));
            journal.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("Closing the journal failed: {}", e.toString());
        }
    }
}
