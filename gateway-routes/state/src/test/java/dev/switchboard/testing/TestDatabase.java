package dev.switchboard.testing;

import dev.switchboard.state.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One database of a test, made when first opened: an embedded H2 file in a temporary data directory, or a fresh
 * database of the tests' PostgreSQL ({@link TestPostgres#shared()}). {@link #open()} opens it through
 * {@link Database#open} (migrations and all), again each time it is called, as a gateway restarted on it would;
 * {@link #close()} closes what is still open and deletes it. JUnit closes one given to a parameterized test.
 */
public final class TestDatabase implements AutoCloseable {
    private final String name;
    private final boolean postgres;
    private final List<Database> opened = new ArrayList<>();
    private Path dataDir;
    private String postgresDatabase;

    private TestDatabase(String name, boolean postgres) {
        this.name = name;
        this.postgres = postgres;
    }

    /** The gateway's default: the H2 file {@code switchboard} in a data directory of its own. */
    public static TestDatabase h2() {
        return new TestDatabase("H2", false);
    }

    /** A new, empty database of the tests' PostgreSQL, with its user and password. */
    public static TestDatabase postgres() {
        return new TestDatabase("PostgreSQL", true);
    }

    /** Opens the database (made on the first call) and migrates it. */
    public synchronized Database open() {
        Database database = Database.open(url(), dataDir(), user(), password());
        opened.add(database);
        return database;
    }

    /** The URL {@link #open()} gives {@link Database#open}: blank for H2 (the file under {@link #dataDir()}). */
    public synchronized String url() {
        if (!postgres) {
            return "";
        }
        if (postgresDatabase == null) {
            postgresDatabase = TestPostgres.shared().createDatabase();
        }
        return TestPostgres.shared().jdbcUrl(postgresDatabase);
    }

    public String user() {
        return postgres ? TestPostgres.shared().user() : "sa";
    }

    public String password() {
        return postgres ? TestPostgres.shared().password() : "";
    }

    /** The data directory given to {@link Database#open}, which holds the H2 file. */
    public synchronized Path dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("switchboard-db-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataDir;
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public synchronized void close() {
        opened.forEach(Database::close);
        opened.clear();
        if (postgresDatabase != null) {
            TestPostgres.shared().dropDatabase(postgresDatabase);
            postgresDatabase = null;
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dataDir = null;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
