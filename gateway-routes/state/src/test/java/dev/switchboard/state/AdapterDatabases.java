package dev.switchboard.state;

import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Named;

/**
 * The databases the adapter records' tests run on, each a fresh one with the gateway's schema: an H2 database in
 * memory, and PostgreSQL once the project's tests start one of their own.
 */
final class AdapterDatabases {
    /** One fresh database for one test. */
    interface Opened extends AutoCloseable {
        DataSource dataSource();

        @Override
        void close();
    }

    private AdapterDatabases() {
    }

    /** For {@code @MethodSource}: each kind of database, made in a folder the test gives. */
    static Stream<Named<Function<Path, Opened>>> all() {
        return Stream.of(Named.of("H2", AdapterDatabases::h2));
    }

    private static Opened h2(Path dir) {
        Database database = Database.open("jdbc:h2:mem:adapter-records-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                dir, "sa", "");
        return new Opened() {
            @Override
            public DataSource dataSource() {
                return database.dataSource();
            }

            @Override
            public void close() {
                database.close();
            }
        };
    }
}
