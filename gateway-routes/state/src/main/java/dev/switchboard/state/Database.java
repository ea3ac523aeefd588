package dev.switchboard.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database that keeps what must survive a restart: an embedded H2 file under the data directory unless
 * another JDBC URL is configured, an H2 or a PostgreSQL one (the database every node of a cluster shares). One
 * HikariCP pool serves either. The schema is made and upgraded by the same Flyway migrations
 * ({@code db/migration}, portable SQL) at start-up.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** The URL prefixes {@link #open} takes. */
    public static final String H2 = "jdbc:h2:";
    public static final String POSTGRESQL = "jdbc:postgresql:";
    private static final int MAX_CONNECTIONS = 16;
    /** How long a caller waits for a free connection, or for a first one when the database is away. */
    private static final Duration CONNECTION_WAIT = Duration.ofSeconds(10);

    private final HikariDataSource pool;
    private final String url;
    private final boolean embedded;

    private Database(HikariDataSource pool, String url, boolean embedded) {
        this.pool = pool;
        this.url = url;
        this.embedded = embedded;
    }

    /**
     * Opens the database and migrates its schema.
     *
     * @param url     a JDBC URL ({@value #H2}... or {@value #POSTGRESQL}...), or blank for the H2 file
     *                {@code <dataDir>/switchboard}
     * @param dataDir the data directory, made if missing when the H2 file is kept there
     * @throws IllegalArgumentException for a URL of another database
     * @throws IllegalStateException    when the database cannot be reached or migrated
     */
    public static Database open(String url, Path dataDir, String user, String password) {
        String jdbcUrl = url == null || url.isBlank() ? embeddedUrl(dataDir) : url.trim();
        if (jdbcUrl.startsWith(H2)) {
            jdbcUrl = h2Settings(jdbcUrl);
        } else if (!jdbcUrl.startsWith(POSTGRESQL)) {
            throw new IllegalArgumentException("switchboard.db.url must be an H2 (" + H2 + "...) or a PostgreSQL ("
                    + POSTGRESQL + "//host:port/database) JDBC URL, got " + withoutSettings(jdbcUrl));
        }
        HikariDataSource pool = pool(jdbcUrl, user, password);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot migrate the database at " + withoutSettings(jdbcUrl) + ": " + e.getMessage(), e);
        }
        Database database = new Database(pool, jdbcUrl, isEmbedded(jdbcUrl));
        LOG.info("Database ready at {}", database.displayUrl());
        return database;
    }

    /**
     * Whether a URL names a database inside this process, an H2 file or memory one (a blank URL is the H2
     * file under the data directory), which no other node can share; an H2 server ({@code tcp:},
     * {@code ssl:}) and PostgreSQL are not.
     */
    public static boolean isEmbedded(String url) {
        if (url == null || url.isBlank()) {
            return true;
        }
        String lower = url.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith(H2) && !lower.startsWith(H2 + "tcp:") && !lower.startsWith(H2 + "ssl:");
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("switchboard-db");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot connect to the database at " + withoutSettings(jdbcUrl) + " as '"
                    + user + "': " + cause.getMessage(), e);
        }
    }

    /**
     * What every H2 URL gets unless it says otherwise. H2 closes a database from a JVM shutdown hook of its own
     * unless told not to; the gateway closes it itself, last, after the writes in flight reached it. An embedded
     * file writes each commit to the file before the commit returns ({@code WRITE_DELAY=0}, instead of H2's
     * half a second in the background): a killed process loses nothing it committed. A transaction waits up to 10 s
     * for a row another holds ({@code LOCK_TIMEOUT}, instead of H2's 1 s): appends to one thread take turns on its
     * header's row, and a burst of them must queue, not fail.
     */
    private static String h2Settings(String jdbcUrl) {
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        String settings = "";
        if (!upper.contains(";DB_CLOSE_ON_EXIT=")) {
            settings += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (isEmbedded(jdbcUrl) && !upper.startsWith("JDBC:H2:MEM:") && !upper.contains(";WRITE_DELAY=")) {
            settings += ";WRITE_DELAY=0";
        }
        if (!upper.contains(";LOCK_TIMEOUT=")) {
            settings += ";LOCK_TIMEOUT=10000";
        }
        return jdbcUrl + settings;
    }

    // A page cache of 4 MB instead of H2's 64: the hub reads its records from Hazelcast's memory, and the
    // database only when an entry is first asked for, so a larger cache would hold a second copy of them.
    private static String embeddedUrl(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data directory " + dataDir.toAbsolutePath() + ": " + e, e);
        }
        return H2 + "file:" + dataDir.toAbsolutePath().normalize().resolve("switchboard") + ";QUERY_CACHE_SIZE=32;PAGE_SIZE=4096;CACHE_SIZE=4096";
    }

    /** A URL without its settings (H2's after {@code ;}, PostgreSQL's after {@code ?}), which may hold a password. */
    private static String withoutSettings(String jdbcUrl) {
        return jdbcUrl.replaceAll("[;?].*", "");
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL the pool connects to, settings included. */
    public String url() {
        return url;
    }

    /** The URL without its settings, to show (health, logs). */
    public String displayUrl() {
        return withoutSettings(url);
    }

    /** Whether this is a database inside this process (an H2 file or memory one) that no other node can share. */
    public boolean isEmbedded() {
        return embedded;
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
        pool.close();
    }
}
