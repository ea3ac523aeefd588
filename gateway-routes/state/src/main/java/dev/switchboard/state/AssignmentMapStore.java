package dev.switchboard.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.desk.Assignment;
import dev.switchboard.desk.Assignment.HandoverNote;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Where each conversation stands with the agents, in table {@code assignments}, so that the queue and who owns
 * what survive a full restart. Written when the stage, the owner, the participants or the notes change; offering
 * changes only who it is offered to, which is not kept ({@link Assignment#offerUnderWay()}): a restart makes
 * offers afresh. The open ones are loaded at start; a finished one when asked for.
 */
final class AssignmentMapStore extends JdbcMapStore<Assignment> {
    @Override
    String what() {
        return "assignments";
    }

    private static final TypeReference<List<Map<String, String>>> NOTES = new TypeReference<>() {
    };
    private static final String COLUMNS = "customer_id = ?, stage = ?, owner = ?, owner_name = ?, participants = ?,"
            + " invited = ?, queued_at = ?, skill = ?, team = ?, reserved_for = ?, reserved_until = ?, notes_json = ?,"
            + " wrap_up = ?, routing_rule = ?, priority = ?, tags = ?";

    private final ObjectMapper json;

    AssignmentMapStore(DataSource dataSource, ObjectMapper json) {
        super(dataSource);
        this.json = json;
    }

    @Override
    boolean kept(Assignment assignment) {
        return !assignment.offerUnderWay();
    }

    @Override
    void write(Connection connection, String key, Assignment a) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE assignments SET " + COLUMNS + " WHERE conversation_id = ?")) {
            setColumns(update, a);
            update.setString(17, key);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO assignments (customer_id, stage,"
                + " owner, owner_name, participants, invited, queued_at, skill, team, reserved_for, reserved_until,"
                + " notes_json, wrap_up, routing_rule, priority, tags, conversation_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            setColumns(insert, a);
            insert.setString(17, key);
            insert.executeUpdate();
        }
    }

    private void setColumns(PreparedStatement statement, Assignment a) throws SQLException {
        statement.setString(1, a.customerId());
        statement.setString(2, a.stage().name());
        statement.setString(3, a.owner());
        statement.setString(4, a.ownerName());
        statement.setString(5, names(a.participants()));
        statement.setString(6, names(a.invited()));
        // Cut to the column's microseconds here, not rounded by the database: the queue's order stays as it was.
        SqlTimes.set(statement, 7, a.queuedAt().truncatedTo(ChronoUnit.MICROS));
        statement.setString(8, a.skill());
        statement.setString(9, a.team());
        statement.setString(10, a.reservedFor());
        if (a.reservedUntil() == null) {
            statement.setNull(11, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            SqlTimes.set(statement, 11, a.reservedUntil());
        }
        statement.setString(12, notesJson(a));
        statement.setString(13, a.wrapUp());
        statement.setString(14, a.routingRule());
        statement.setInt(15, a.priority());
        statement.setString(16, String.join(" ", a.tags()));
    }

    /** The notes as a JSON array of objects of strings, the time as ISO-8601 (whatever modules the mapper has). */
    private String notesJson(Assignment a) {
        List<Map<String, String>> notes = new ArrayList<>();
        for (HandoverNote note : a.notes()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("from", note.from());
            fields.put("to", note.to());
            fields.put("text", note.text());
            fields.put("at", note.at().toString());
            notes.add(fields);
        }
        try {
            return json.writeValueAsString(notes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the handover notes of " + a.conversationId() + " cannot be written", e);
        }
    }

    private List<HandoverNote> notes(String text) throws JsonProcessingException {
        List<HandoverNote> notes = new ArrayList<>();
        for (Map<String, String> fields : json.readValue(text, NOTES)) {
            notes.add(new HandoverNote(fields.get("from"), fields.get("to"), fields.get("text"),
                    Instant.parse(fields.get("at"))));
        }
        return notes;
    }

    /** The assignment as kept: offered to nobody yet. */
    @Override
    Assignment read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, stage, owner, owner_name,"
                + " participants, invited, queued_at, skill, team, reserved_for, reserved_until, notes_json, wrap_up,"
                + " routing_rule, priority, tags FROM assignments WHERE conversation_id = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Instant reservedUntil = row.getObject("reserved_until") == null ? null
                        : SqlTimes.get(row, "reserved_until");
                return new Assignment(key, row.getString("customer_id"),
                        Assignment.Stage.valueOf(row.getString("stage")), row.getString("owner"),
                        row.getString("owner_name"), names(row.getString("participants")),
                        names(row.getString("invited")), Set.of(), Set.of(), SqlTimes.get(row, "queued_at"), null,
                        row.getString("skill"), row.getString("team"), row.getString("reserved_for"), reservedUntil,
                        notes(row.getString("notes_json")), row.getString("wrap_up"), routedBy(row));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the handover notes of " + key + " are not valid JSON", e);
        }
    }

    /** The conversations not finished: the queue and what agents hold. */
    @Override
    public Iterable<String> loadAllKeys() {
        return keys("SELECT conversation_id FROM assignments WHERE stage <> '" + Assignment.Stage.FINISHED.name() + "'");
    }

    /** The routing rule that routed it, or {@code null} when none did. */
    private static Assignment.RoutedBy routedBy(ResultSet row) throws SQLException {
        String rule = row.getString("routing_rule");
        if (rule == null) {
            return null;
        }
        String tags = row.getString("tags");
        return new Assignment.RoutedBy(rule, row.getInt("priority"),
                tags.isEmpty() ? List.of() : List.of(tags.split(" ")));
    }

    private static String names(Set<String> names) {
        return String.join(" ", new TreeSet<>(names));
    }

    private static Set<String> names(String text) {
        return text.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(text.split(" ")));
    }
}
