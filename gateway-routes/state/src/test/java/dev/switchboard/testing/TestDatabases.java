package dev.switchboard.testing;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The databases the gateway runs on, for tests of what it stores that must hold on each:
 * {@code @ParameterizedTest @MethodSource("dev.switchboard.testing.TestDatabases#both")} runs a test once on an
 * embedded H2 file and once on a fresh PostgreSQL database, each a {@link TestDatabase} that JUnit closes after
 * the test. Each is made when the test first opens it.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static Stream<Named<TestDatabase>> both() {
        return Stream.of(Named.of("H2", TestDatabase.h2()), Named.of("PostgreSQL", TestDatabase.postgres()));
    }
}
