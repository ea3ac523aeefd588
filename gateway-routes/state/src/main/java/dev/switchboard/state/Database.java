package dev.switchboard.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database that keeps what must survive a restart: an embedded H2 file under the data directory
 * unless another JDBC URL is configured. The schema is made and upgraded by Flyway migrations
 * ({@code db/migration}) at start-up.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_CONNECTIONS = 32;

    private final JdbcConnectionPool pool;
    private final String url;

    private Database(JdbcConnectionPool pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /**
     * Opens the database and migrates its schema.
     *
     * @param url     a JDBC URL, or blank for the H2 file {@code <dataDir>/switchboard}
     * @param dataDir the data directory, made if missing
     */
    public static Database open(String url, Path dataDir, String user, String password) {
        String jdbcUrl = url == null || url.isBlank() ? embeddedUrl(dataDir) : url;
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("only H2 JDBC URLs are supported so far, got " + jdbcUrl);
        }
        // H2 closes a database from a JVM shutdown hook of its own unless told not to; the gateway closes it
        // itself, last, after the journal's pending writes reached it.
        if (!jdbcUrl.toUpperCase(Locale.ROOT).contains(";DB_CLOSE_ON_EXIT=")) {
            jdbcUrl += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, user, password);
        pool.setMaxConnections(MAX_CONNECTIONS);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        LOG.info("Database ready at {}", jdbcUrl);
        return new Database(pool, jdbcUrl);
    }

    // H2's default write delay: commits reach the file in the background. What a killed process answered is
    // in the journal until the database writer has had H2 write its file (GroupCommit's CHECKPOINT).
    // A page cache of 4 MB instead of H2's 64: the hub reads its records from Hazelcast's memory, and the
    // database only when an entry is first asked for, so a larger cache would hold a second copy of them.
    private static String embeddedUrl(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data directory " + dataDir.toAbsolutePath() + ": " + e, e);
        }
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("switchboard") + ";QUERY_CACHE_SIZE=32;PAGE_SIZE=4096;CACHE_SIZE=4096";
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    /** Whether a trivial query answers within a second. */
    public boolean isUp() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            return statement.execute("SELECT 1");
        } catch (SQLException e) {
            LOG.warn("Database health check failed: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
