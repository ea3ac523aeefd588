package dev.switchboard.state;

import dev.switchboard.hub.domain.RatingCount;
import dev.switchboard.hub.domain.RatingRecord;
import dev.switchboard.hub.domain.RatingStore;
import dev.switchboard.spi.Rating;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Satisfaction questions and answers as rows of {@code ratings} (migration V12), each call one short transaction in
 * portable SQL (H2 and PostgreSQL). An answer is one conditional update ({@code WHERE status = 'ASKED'}): of nodes
 * racing to answer one question, one stores its answer and the others find it answered. Not cached in Hazelcast: a
 * question is read by its thread's index when a customer's reply could be a rating, and reports read the database.
 */
public final class SqlRatings implements RatingStore {
    private static final String COLUMNS = "id, conversation_id, thread_id, agent, agent_name, asked_on, asked_at, "
            + "link_hash, status, score, rating_comment, rated_on, rated_at, answer_key";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM ratings";

    private final DataSource dataSource;

    public SqlRatings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void ask(RatingRecord asked) {
        Transactions.run(dataSource, "ask rating " + asked.id(), connection -> {
            try (PreparedStatement withdraw = connection.prepareStatement(
                    "UPDATE ratings SET status = 'WITHDRAWN' WHERE thread_id = ? AND status = 'ASKED'")) {
                withdraw.setString(1, asked.threadId());
                withdraw.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ratings (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ASKED', NULL, NULL, NULL, NULL, NULL)")) {
                insert.setString(1, asked.id());
                insert.setString(2, asked.conversationId());
                insert.setString(3, asked.threadId());
                insert.setString(4, asked.agent());
                insert.setString(5, asked.agentName());
                insert.setString(6, asked.askedOn());
                SqlTimes.set(insert, 7, asked.askedAt());
                insert.setString(8, asked.linkHash());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<RatingRecord> latest(String threadId) {
        return Transactions.read(dataSource, "read the ratings of " + threadId, connection ->
                first(query(connection, SELECT + " WHERE thread_id = ? ORDER BY asked_at DESC, id DESC", 1, threadId)));
    }

    @Override
    public Optional<RatingRecord> byLink(String linkHash) {
        return Transactions.read(dataSource, "read a rating by its link", connection ->
                first(query(connection, SELECT + " WHERE link_hash = ?", 1, linkHash)));
    }

    @Override
    public Optional<RatingRecord> answer(String id, Rating rating, String channel, String key, Instant at) {
        return Transactions.run(dataSource, "answer rating " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ratings SET status = 'RATED', "
                    + "score = ?, rating_comment = ?, rated_on = ?, rated_at = ?, answer_key = ? "
                    + "WHERE id = ? AND status = 'ASKED'")) {
                update.setInt(1, rating.score());
                update.setString(2, rating.comment());
                update.setString(3, channel);
                SqlTimes.set(update, 4, at);
                update.setString(5, key);
                update.setString(6, id);
                boolean stored = update.executeUpdate() == 1;
                return first(query(connection, SELECT + " WHERE id = ?", 1, id))
                        .filter(row -> stored || key != null && row.status() == RatingRecord.Status.RATED
                                && key.equals(row.answerKey()));
            }
        });
    }

    @Override
    public List<RatingRecord> ofConversations(List<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(conversationIds.size(), "?"));
        return Transactions.read(dataSource, "read the ratings of " + conversationIds, connection ->
                query(connection, SELECT + " WHERE conversation_id IN (" + marks + ") ORDER BY asked_at, id",
                        Integer.MAX_VALUE, conversationIds.toArray()));
    }

    @Override
    public List<RatingRecord> latestOf(String agent, int limit) {
        return Transactions.read(dataSource, "read the ratings of agent " + agent, connection ->
                query(connection, SELECT + " WHERE agent = ? AND status = 'RATED' ORDER BY rated_at DESC, id DESC",
                        limit, agent));
    }

    @Override
    public List<RatingCount> counts(Instant from, Instant to) {
        return Transactions.read(dataSource, "count ratings", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT agent, rated_on, COUNT(*), SUM(score) "
                    + "FROM ratings WHERE rated_at >= ? AND rated_at < ? AND status = 'RATED' "
                    + "GROUP BY agent, rated_on ORDER BY agent, rated_on")) {
                SqlTimes.set(select, 1, from);
                SqlTimes.set(select, 2, to);
                List<RatingCount> counts = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.add(new RatingCount(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4)));
                    }
                }
                return counts;
            }
        });
    }

    private static List<RatingRecord> query(Connection connection, String sql, int limit, Object... parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, (String) parameters[i]);
            }
            List<RatingRecord> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(row(rows));
                }
            }
            return found;
        }
    }

    private static Optional<RatingRecord> first(List<RatingRecord> rows) {
        return rows.stream().findFirst();
    }

    private static RatingRecord row(ResultSet row) throws SQLException {
        RatingRecord.Status status = RatingRecord.Status.valueOf(row.getString("status"));
        int score = row.getInt("score");
        Rating rating = row.wasNull() ? null : new Rating(score, row.getString("rating_comment"));
        return new RatingRecord(row.getString("id"), row.getString("conversation_id"), row.getString("thread_id"),
                row.getString("agent"), row.getString("agent_name"), row.getString("asked_on"),
                SqlTimes.get(row, "asked_at"), row.getString("link_hash"), status, rating, row.getString("rated_on"),
                row.getObject("rated_at") == null ? null : SqlTimes.get(row, "rated_at"), row.getString("answer_key"));
    }
}
