package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testing.Ports;
import dev.switchboard.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The database on both engines it runs on: the embedded H2 file and PostgreSQL, migrated by the same files. */
class DatabaseTest {
    private static final String BOTH = "dev.switchboard.testing.TestDatabases#both";

    @ParameterizedTest(name = "{0}")
    @MethodSource(BOTH)
    void everyMigrationRunsAndTheDatabaseIsUp(TestDatabase test) {
        Database database = test.open();

        MigrationInfoService migrations = Flyway.configure().dataSource(database.dataSource())
                .locations("classpath:db/migration").load().info();
        assertThat(migrations.pending()).isEmpty();
        assertThat(migrations.applied()).hasSameSizeAs(migrations.all()).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(migration -> assertThat(migration.getState().isFailed()).isFalse());
        assertThat(database.isUp()).isTrue();
        assertThat(database.isEmbedded()).isEqualTo(!test.isPostgres());

        database.close();
        assertThat(database.isUp()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BOTH)
    void aCommittedRowIsReadByAnotherConnectionAndAfterAReopen(TestDatabase test) throws SQLException {
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Database database = test.open(); Connection writer = database.dataSource().getConnection()) {
            writer.setAutoCommit(false);
            insertCustomer(writer, "c-1", createdAt);
            writer.commit();
            try (Connection reader = database.dataSource().getConnection()) {
                assertThat(customer(reader, "c-1")).isEqualTo("conv-c-1 " + createdAt);
            }
        }
        try (Database reopened = test.open(); Connection reader = reopened.dataSource().getConnection()) {
            assertThat(customer(reader, "c-1")).isEqualTo("conv-c-1 " + createdAt);
        }
    }

    @Test
    void theSchemaIsTheSameOnBoth() throws SQLException {
        try (TestDatabase h2 = TestDatabase.h2(); TestDatabase postgres = TestDatabase.postgres()) {
            Map<String, List<String>> onH2 = schema(h2.open());
            Map<String, List<String>> onPostgres = schema(postgres.open());

            assertThat(onH2).containsKeys("customers", "messages", "assignments", "preferred_agents");
            assertThat(onPostgres).isEqualTo(onH2);
        }
    }

    @Test
    void anotherDatabaseIsRefusedWithWhatIsSupported(@TempDir Path dir) {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://127.0.0.1:3306/switchboard?password=secret", dir, "sa", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://127.0.0.1:3306/switchboard")
                .hasMessageContaining("H2 (jdbc:h2:...)")
                .hasMessageContaining("PostgreSQL (jdbc:postgresql://host:port/database)")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aPostgreSqlNobodyAnswersOnStopsTheOpenWithItsUrl(@TempDir Path dir) {
        String url = "jdbc:postgresql://127.0.0.1:" + Ports.free() + "/switchboard";

        assertThatThrownBy(() -> Database.open(url + "?connectTimeout=2", dir, "switchboard", "secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot connect to the database at " + url + " as 'switchboard': ")
                .hasMessageNotContaining("secret");
    }

    @Test
    void onlyInProcessH2IsEmbedded() {
        assertThat(Database.isEmbedded("")).isTrue();
        assertThat(Database.isEmbedded("jdbc:h2:file:/var/lib/switchboard/db")).isTrue();
        assertThat(Database.isEmbedded("jdbc:h2:mem:test")).isTrue();
        assertThat(Database.isEmbedded("jdbc:h2:tcp://db:9092/switchboard")).isFalse();
        assertThat(Database.isEmbedded("jdbc:postgresql://db:5432/switchboard")).isFalse();
    }

    /**
     * A commit reaches the embedded file before it returns: a process killed (SIGKILL) right after its commit
     * returned loses nothing. With H2's default write delay (half a second in the background) the row is gone.
     */
    @Test
    void aCommitToTheEmbeddedFileSurvivesAKilledProcess(@TempDir Path dataDir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CommitThenWait.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = output.readLine(); line != null && !line.equals(CommitThenWait.COMMITTED); line = output.readLine()) {
                lines.add(line);
            }
            assertThat(writer.isAlive()).as("the writer ran until its commit returned: %s", lines).isTrue();
        } finally {
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (Database database = Database.open("", dataDir, "sa", ""); Connection reader = database.dataSource().getConnection()) {
            assertThat(customer(reader, "killed")).startsWith("conv-killed ");
        }
    }

    /** The process {@link #aCommitToTheEmbeddedFileSurvivesAKilledProcess} kills: it commits one row and waits. */
    static final class CommitThenWait {
        static final String COMMITTED = "committed";

        public static void main(String[] args) throws Exception {
            Database database = Database.open("", Path.of(args[0]), "sa", "");
            try (Connection connection = database.dataSource().getConnection()) {
                connection.setAutoCommit(false);
                insertCustomer(connection, "killed", Instant.now());
                connection.commit();
            }
            System.out.println(COMMITTED);
            System.out.flush();
            System.in.read();
        }
    }

    private static void insertCustomer(Connection connection, String id, Instant createdAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO customers (id, conversation_id, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, "conv-" + id);
            insert.setObject(3, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** A customer row as "conversation created-at", or null. */
    private static String customer(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT conversation_id, created_at FROM customers WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? row.getString(1) + " " + row.getObject(2, OffsetDateTime.class).toInstant()
                        : null;
            }
        }
    }

    /**
     * The application's tables (Flyway's own aside, which it makes differently on each engine): per table its
     * columns with type, length and nullability, and its primary key's columns, all in lower case.
     */
    private static Map<String, List<String>> schema(Database database) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement columns = connection.prepareStatement(
                    "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable"
                            + " FROM information_schema.columns WHERE LOWER(table_schema) = 'public'");
                 ResultSet row = columns.executeQuery()) {
                while (row.next()) {
                    tables.computeIfAbsent(lower(row.getString(1)), table -> new ArrayList<>()).add(lower(
                            row.getString(2) + " " + row.getString(3) + " " + row.getObject(4) + " nullable=" + row.getString(5)));
                }
            }
            try (PreparedStatement keys = connection.prepareStatement(
                    "SELECT c.table_name, k.column_name FROM information_schema.table_constraints c"
                            + " JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name"
                            + " AND k.table_schema = c.table_schema AND k.table_name = c.table_name"
                            + " WHERE c.constraint_type = 'PRIMARY KEY' AND LOWER(c.table_schema) = 'public'");
                 ResultSet row = keys.executeQuery()) {
                while (row.next()) {
                    tables.computeIfAbsent(lower(row.getString(1)), table -> new ArrayList<>())
                            .add("primary key " + lower(row.getString(2)));
                }
            }
        }
        tables.remove("flyway_schema_history");
        tables.replaceAll((table, facts) -> List.copyOf(new TreeSet<>(facts)));
        return tables;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
