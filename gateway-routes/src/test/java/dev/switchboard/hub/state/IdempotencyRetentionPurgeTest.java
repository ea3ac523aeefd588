package dev.switchboard.hub.state;

import static org.assertj.core.api.Assertions.assertThat;

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

class IdempotencyRetentionPurgeTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void onlyTheRecordsWrittenLongerAgoThanTheyAreKeptAreDeleted() throws Exception {
        Database database = Database.open("", dataDir, "sa", "");
        try {
            insert(database, "web:old", NOW.minus(Duration.ofDays(8)));
            insert(database, "web:edge", NOW.minus(Duration.ofDays(7)).plusSeconds(1));
            insert(database, "web:new", NOW.minus(Duration.ofHours(1)));
            IdempotencyRetention retention = IdempotencyRetention.start(database.dataSource(), Duration.ofDays(7),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            try {
                retention.purge();
            } finally {
                retention.close();
            }

            assertThat(keys(database)).containsExactlyInAnyOrder("web:edge", "web:new");
        } finally {
            database.close();
        }
    }

    @Test
    void theOldRowsAreLookedForEveryHourOrEveryHalfOfTheTimeTheyAreKeptWhenThatIsShorter() {
        assertThat(IdempotencyRetention.period(Duration.ofDays(7))).isEqualTo(Duration.ofHours(1));
        assertThat(IdempotencyRetention.period(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    }

    private static void insert(Database database, String key, Instant at) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_keys"
                     + " (scoped_key, conversation_id, reply_json, recorded_at) VALUES (?, 'cv-1', '{}', ?)")) {
            insert.setString(1, key);
            SqlTimes.set(insert, 2, at);
            insert.executeUpdate();
        }
    }

    private static List<String> keys(Database database) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT scoped_key FROM idempotency_keys")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }
}
