package dev.switchboard.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the two databases the gateway runs on, H2 (embedded, one node) and PostgreSQL (a cluster). */
enum Dialect {
    H2, POSTGRESQL;

    static Dialect of(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                ? POSTGRESQL : H2;
    }

    /** An insert that does nothing when a row with its key is there (on H2 the caller catches the duplicate key). */
    String insertOnce(String insert) {
        return this == POSTGRESQL ? insert + " ON CONFLICT DO NOTHING" : insert;
    }
}
