package dev.switchboard.state;

import java.sql.SQLException;
import javax.sql.DataSource;

/** One short transaction on a pooled connection, committed before the call returns, rolled back when it throws. */
final class SqlCalls {
    /** SQLSTATE of a unique key violated, the same in H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = Transactions.DUPLICATE_KEY;
    /** A time {@code ?} milliseconds after the database's clock now, in H2 and PostgreSQL alike. */
    static final String NOW_PLUS_MILLIS = "CURRENT_TIMESTAMP + CAST(? AS BIGINT) * INTERVAL '0.001' SECOND";

    private SqlCalls() {
    }

    /** The work in one transaction, without the retries of {@link Transactions#run}: the caller handles the races. */
    static <T> T inTransaction(DataSource dataSource, Transactions.Work<T> work) throws SQLException {
        return Transactions.once(dataSource, work);
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
