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
import javax.sql.DataSource;

/** Outcomes by scoped idempotency key in table {@code idempotency_keys}; the first outcome recorded stays. */
final class IdempotencyMapStore extends JdbcMapStore<RecordedOutcome> {
    @Override
    String what() {
        return "idempotency records";
    }

    private final ObjectMapper json;

    IdempotencyMapStore(DataSource dataSource, ObjectMapper json) {
        super(dataSource);
        this.json = json;
    }


    @Override
    void write(Connection connection, String key, RecordedOutcome outcome) throws SQLException {
        try (PreparedStatement insert = prepareInsertOnce(connection,
                "INSERT INTO idempotency_keys (scoped_key, conversation_id, reply_json, recorded_at)"
                        + " VALUES (?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, outcome.conversationId());
            insert.setString(3, json.writeValueAsString(outcome.reply()));
            SqlTimes.set(insert, 4, Instant.now());
            insertOnce(insert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reply cannot be written as JSON", e);
        }
    }

    @Override
    RecordedOutcome read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT conversation_id, reply_json FROM idempotency_keys WHERE scoped_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new RecordedOutcome(row.getString("conversation_id"), json.readValue(row.getString("reply_json"), StoredReply.class));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reply of " + key + " is not valid JSON", e);
        }
    }
}
