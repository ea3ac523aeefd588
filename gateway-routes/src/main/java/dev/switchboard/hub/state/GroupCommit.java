package dev.switchboard.hub.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits many callers' writes in one transaction. Each caller blocks until its write is committed, so a
 * write that returned is in the database; but while one commit is under way the next callers' writes
 * gather, and go to the database together. An embedded H2 file writes a new chunk of pages per commit,
 * so one commit for many writes is what lets the hub store every answer before acknowledging it and
 * still take thousands of requests a second.
 *
 * <p>A batch that fails is rolled back and its writes are retried one by one, so one bad write fails only
 * its own caller.
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 512;

    /** One write, run inside the batch's transaction; must not commit or roll back. */
    @FunctionalInterface
    interface Write {
        void apply(Connection connection) throws SQLException;
    }

    private record Pending(Write write, CompletableFuture<Void> done) {
    }

    private final DataSource dataSource;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** The writer's own connection, kept open so the database reuses its parsed statements; reopened after a failure. */
    private Connection connection;
    private final Thread writer;
    private volatile boolean running = true;

    GroupCommit(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.writer = new Thread(this::run, name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Runs {@code write} in the next batch and returns once it is committed. */
    void commit(Write write) {
        if (!running) {
            throw new IllegalStateException("the database writer is stopped");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(write, done));
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commitBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
        failRemaining();
        closeConnection();
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

    private void commitBatch(List<Pending> batch) {
        try {
            Connection connection = connection();
            try {
                for (Pending pending : batch) {
                    pending.write().apply(connection);
                }
                connection.commit();
                batch.forEach(pending -> pending.done().complete(null));
                return;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                if (batch.size() == 1) {
                    batch.get(0).done().completeExceptionally(failure(e));
                    return;
                }
                LOG.warn("A batch of {} database writes failed ({}); retrying them one by one", batch.size(), e.getMessage());
            }
            for (Pending pending : batch) {
                commitAlone(connection, pending);
            }
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            batch.forEach(pending -> pending.done().completeExceptionally(failure(e)));
        }
    }

    private static void commitAlone(Connection connection, Pending pending) throws SQLException {
        try {
            pending.write().apply(connection);
            connection.commit();
            pending.done().complete(null);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            pending.done().completeExceptionally(failure(e));
        }
    }

    private static RuntimeException failure(Exception e) {
        return e instanceof RuntimeException runtime ? runtime
                : new IllegalStateException("database write failed: " + e.getMessage(), e);
    }

    private void failRemaining() {
        Pending pending;
        while ((pending = queue.poll()) != null) {
            pending.done().completeExceptionally(new IllegalStateException("the database writer is stopped"));
        }
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
