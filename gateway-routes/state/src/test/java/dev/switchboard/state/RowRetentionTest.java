package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.desk.PreferredAgent;
import dev.switchboard.desk.SharedRecords;
import dev.switchboard.testing.HubState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowRetentionTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void onlyTheRowsWrittenLongerAgoThanTheyAreKeptAreDeleted() throws Exception {
        Database database = Database.open("", dataDir, "sa", "");
        try {
            insertOutcome(database, "web:old", NOW.minus(Duration.ofDays(8)));
            insertOutcome(database, "web:edge", NOW.minus(Duration.ofDays(7)).plusSeconds(1));
            insertOutcome(database, "web:new", NOW.minus(Duration.ofHours(1)));
            insertMark(database, "cu-old", NOW.minus(Duration.ofHours(73)));
            insertMark(database, "cu-new", NOW.minus(Duration.ofHours(71)));

            purge(database, RowRetention.Rows.IDEMPOTENCY, Duration.ofDays(7));
            purge(database, RowRetention.Rows.PREFERRED_AGENTS, Duration.ofHours(72));

            assertThat(column(database, "SELECT scoped_key FROM idempotency_keys"))
                    .containsExactlyInAnyOrder("web:edge", "web:new");
            assertThat(column(database, "SELECT customer_id FROM preferred_agents")).containsExactly("cu-new");
        } finally {
            database.close();
        }
    }

    @Test
    void theOldRowsAreLookedForEveryHourOrEveryHalfOfTheTimeTheyAreKeptWhenThatIsShorter() {
        assertThat(RowRetention.period(Duration.ofDays(7))).isEqualTo(Duration.ofHours(1));
        assertThat(RowRetention.period(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aPreferredAgentMarkIsGoneFromMemoryAndTheDatabaseOnceItsWindowIsOver() throws Exception {
        try (HubState state = HubState.open(dataDir, new KeepTimes(Duration.ofDays(7), Duration.ofSeconds(2)))) {
            SharedRecords<PreferredAgent> marks = state.member().agentMaps().preferredAgents();
            marks.put("cu-1", new PreferredAgent("ann", Instant.now()));
            assertThat(marks.get("cu-1")).isPresent();

            await().atMost(Duration.ofSeconds(30)).until(() -> marks.get("cu-1").isEmpty());

            assertThat(column(state.database(), "SELECT customer_id FROM preferred_agents")).isEmpty();
        }
    }

    private static void purge(Database database, RowRetention.Rows rows, Duration keep) throws Exception {
        RowRetention retention = new RowRetention(database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        try {
            retention.purge(rows, keep);
        } finally {
            retention.close();
        }
    }

    private static void insertOutcome(Database database, String key, Instant at) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_keys"
                     + " (scoped_key, conversation_id, reply_json, recorded_at) VALUES (?, 'cv-1', '{}', ?)")) {
            insert.setString(1, key);
            SqlTimes.set(insert, 2, at);
            insert.executeUpdate();
        }
    }

    private static void insertMark(Database database, String customer, Instant at) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO preferred_agents (customer_id, username, marked_at) VALUES (?, 'ann', ?)")) {
            insert.setString(1, customer);
            SqlTimes.set(insert, 2, at);
            insert.executeUpdate();
        }
    }

    private static List<String> column(Database database, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
