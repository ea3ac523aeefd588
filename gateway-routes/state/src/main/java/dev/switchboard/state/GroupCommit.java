package dev.switchboard.state;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the durable maps' writes durable, many callers' at a time. A caller returns once its write is in
 * the {@link Journal}, so a write that returned survives the process being killed. Whoever finds the
 * journal free writes every write waiting, its own and the others', with one file write; a caller that
 * finds it busy waits, and usually finds its write done by then. No thread sits between a caller and the
 * file: each hand-off would cost more than the write. A thread then writes the journaled batches to the database,
 * several batches to a transaction; about once a second (and when idle) it has the database write its
 * file ({@code CHECKPOINT}) and moves the journal's checkpoint past what the file now holds.
 *
 * <p>A database batch that fails is rolled back and its writes retried one by one, so one bad write costs
 * only itself; it is logged with its store and key (it is still in memory, and in the journal until the
 * checkpoint passes it).
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCHES_BEHIND = 64;
    /** How often the database is made to write its commits to its file, so that the journal can be cut. */
    private static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);

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
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    /** Held while writing to the journal; the order batches take it is their order in the journal and the database. */
    private final ReentrantLock journalLock = new ReentrantLock();
    private final BlockingQueue<Journaled> toDatabase = new ArrayBlockingQueue<>(MAX_BATCHES_BEHIND);
    private final Thread databaseWriter;
    private volatile boolean running = true;
    /** Set, under the journal lock, once nothing more is journaled. */
    private volatile boolean journalDone;
    /** Set once the database missed writes: from then on the journal is kept whole for the next start. */
    private boolean checkpointHeld;
    /** The database writer's own connection, kept open so the database reuses its parsed statements. */
    private Connection connection;

    GroupCommit(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.databaseWriter = new Thread(this::databaseLoop, "database-writer-" + name);
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
        Pending pending = new Pending(entry, write, new CompletableFuture<>());
        waiting.add(pending);
        journalLock.lock();
        try {
            if (!pending.done().isDone()) {
                journalWaiting();
            }
        } finally {
            journalLock.unlock();
        }
        try {
            pending.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Writes every waiting write to the journal and hands the batch to the database writer; under the journal lock. */
    private void journalWaiting() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while ((next = waiting.poll()) != null) {
            batch.add(next);
        }
        if (journalDone) {
            IllegalStateException stopped = new IllegalStateException("the database writer is stopped");
            batch.forEach(pending -> pending.done().completeExceptionally(stopped));
            return;
        }
        List<Journal.Entry> entries = new ArrayList<>(batch.size());
        batch.forEach(pending -> entries.add(pending.entry()));
        Journal.Position end;
        try {
            end = journal.append(entries);
        } catch (IOException e) {
            LOG.error("Cannot write {} change(s) to the journal: {}", batch.size(), e.toString());
            IllegalStateException failure = new IllegalStateException("cannot write to the journal: " + e, e);
            batch.forEach(pending -> pending.done().completeExceptionally(failure));
            return;
        }
        // Queued before anyone is told: a later batch must never reach the database (and move the
        // checkpoint) ahead of this one.
        putUninterruptibly(new Journaled(List.copyOf(batch), end));
        batch.forEach(pending -> pending.done().complete(null));
    }

    private void putUninterruptibly(Journaled journaled) {
        boolean interrupted = false;
        while (true) {
            try {
                toDatabase.put(journaled);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void databaseLoop() {
        List<Journaled> batches = new ArrayList<>();
        Journal.Position applied = null;
        long flushedAt = System.nanoTime();
        while (!journalDone || !toDatabase.isEmpty()) {
            try {
                Journaled first = toDatabase.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batches.add(first);
                    toDatabase.drainTo(batches);
                    if (writeToDatabase(batches)) {
                        applied = batches.get(batches.size() - 1).end();
                    } else {
                        checkpointHeld = true;
                    }
                }
                boolean due = first == null || System.nanoTime() - flushedAt >= FLUSH_INTERVAL.toNanos();
                if (applied != null && due && !checkpointHeld) {
                    flushAndCheckpoint(applied);
                    applied = null;
                    flushedAt = System.nanoTime();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batches.clear();
            }
        }
        if (applied != null && !checkpointHeld) {
            flushAndCheckpoint(applied);
        }
        closeConnection();
    }

    /**
     * Has the database write what it committed to its file (its commits only reach the file in the
     * background), then moves the journal's checkpoint past it: until then the journal keeps those writes.
     */
    private void flushAndCheckpoint(Journal.Position applied) {
        try (Statement checkpoint = connection().createStatement()) {
            checkpoint.execute("CHECKPOINT");
            connection.commit();
            journal.checkpoint(applied);
        } catch (SQLException | IOException e) {
            LOG.warn("Cannot flush the database and move the journal checkpoint (the journal keeps the writes): {}",
                    e.toString());
        }
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

    /** Writes to the database what is journaled, then stops; a write arriving from now on is refused. */
    @Override
    public void close() {
        running = false;
        if (journal == null) {
            return;
        }
        journalLock.lock();
        try {
            journalWaiting();
            journalDone = true;
        } finally {
            journalLock.unlock();
        }
        try {
            databaseWriter.join(TimeUnit.SECONDS.toMillis(30));
            journal.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("Closing the journal failed: {}", e.toString());
        }
    }
}
