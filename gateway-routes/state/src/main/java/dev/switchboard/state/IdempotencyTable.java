package dev.switchboard.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.hub.domain.RecordedOutcome.StoredReply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The SQL of table {@code idempotency_keys}: outcomes by scoped idempotency key; the first outcome of a key stays. */
final class IdempotencyTable {
    private final ObjectMapper json;

    IdempotencyTable(ObjectMapper json) {
        this.json = json;
    }

    /** Inserts an outcome unless its key has one; returns whether it was inserted. */
    boolean insertOnce(Connection connection, String key, RecordedOutcome outcome) throws SQLException {
        try (PreparedStatement insert = JdbcMapStore.prepareInsertOnce(connection,
                "INSERT INTO idempotency_keys (scoped_key, conversation_id, reply_json, recorded_at)"
                        + " VALUES (?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, outcome.conversationId());
            insert.setString(3, json.writeValueAsString(outcome.reply()));
            SqlTimes.set(insert, 4, Instant.now());
            return JdbcMapStore.insertOnce(insert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reply cannot be written as JSON", e);
        }
    }

    RecordedOutcome read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT conversation_id, reply_json FROM idempotency_keys WHERE scoped_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new RecordedOutcome(row.getString("conversation_id"),
                        json.readValue(row.getString("reply_json"), StoredReply.class));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reply of " + key + " is not valid JSON", e);
        }
    }
}
