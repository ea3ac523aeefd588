package dev.switchboard.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Runs work in one database transaction, committed when it returns and rolled back when it throws. Work that lost a
 * race the database reports (two nodes inserting one key, a deadlock, a serialization failure) is run again, a few
 * times, in a fresh transaction: on PostgreSQL a failed statement spoils the rest of its transaction, so the work is
 * written to be repeated whole, never to carry on after an error.
 */
final class Transactions {
    /** SQLState of a unique-key violation, the same on H2 and PostgreSQL. */
    static final String DUPLICATE_KEY = "23505";
    private static final Set<String> RACES = Set.of(DUPLICATE_KEY, "40001", "40P01");
    private static final int ATTEMPTS = 4;

    private Transactions() {
    }

    /** A read of one record by its key, or {@code null}. */
    @FunctionalInterface
    interface Read<V> {
        V read(Connection connection, String key) throws SQLException;
    }

    /** Work inside a transaction that the caller commits; it must not commit or roll back. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * The work's result once committed.
     *
     * @param what what the work does, for the error ("record messages of cv-1")
     * @throws IllegalStateException when the database refuses it (after the retries of a lost race)
     */
    static <T> T run(DataSource dataSource, String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(dataSource, work);
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !RACES.contains(e.getSQLState())) {
                    throw new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** The work in one transaction, committed when it returns, rolled back when it throws; no retry. */
    static <T> T once(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Work that reads only, on a connection of its own. */
    static <T> T read(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
