package dev.switchboard.state;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One short transaction on a pooled connection, committed before the call returns, rolled back when it throws. */
final class SqlCalls {
    /** SQLSTATE of a unique key violated, the same in H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";
    /** A time {@code ?} milliseconds after the database's clock now, in H2 and PostgreSQL alike. */
    static final String NOW_PLUS_MILLIS = "CURRENT_TIMESTAMP + CAST(? AS BIGINT) * INTERVAL '0.001' SECOND";

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private SqlCalls() {
    }

    static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
