package dev.switchboard.state;

import dev.switchboard.desk.SuggestionChoice;
import dev.switchboard.desk.SuggestionChoices;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Agents' choices of suggested answers as rows of {@code suggestion_choices} (migration V16), in portable SQL (H2 and
 * PostgreSQL). The primary key (conversation, agent, article) makes a repeat count once: a choice is inserted only
 * when its row is absent, and of two nodes racing to insert it the loser's unique-key violation is run again by
 * {@link Transactions}, which then finds the row. Not cached in Hazelcast: the desk reads the grouped counts now and
 * then ({@link dev.switchboard.desk.SuggestedAnswers#REFRESH}).
 */
public final class SqlSuggestionChoices implements SuggestionChoices {
    private final DataSource dataSource;

    public SqlSuggestionChoices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean record(SuggestionChoice choice) {
        return Transactions.run(dataSource, "record the choice of article " + choice.articleId() + " in "
                + choice.conversationId(), connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM suggestion_choices "
                    + "WHERE conversation_id = ? AND agent = ? AND article_id = ?")) {
                select.setString(1, choice.conversationId());
                select.setString(2, choice.agent());
                select.setString(3, choice.articleId());
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO suggestion_choices "
                    + "(article_id, conversation_id, agent, chosen_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, choice.articleId());
                insert.setString(2, choice.conversationId());
                insert.setString(3, choice.agent());
                SqlTimes.set(insert, 4, choice.at());
                insert.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public Map<String, Integer> timesChosen() {
        return Transactions.read(dataSource, "count the choices of suggested answers", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT article_id, COUNT(*) FROM suggestion_choices GROUP BY article_id");
                 ResultSet rows = select.executeQuery()) {
                Map<String, Integer> times = new HashMap<>();
                while (rows.next()) {
                    times.put(rows.getString(1), rows.getInt(2));
                }
                return Map.copyOf(times);
            }
        });
    }
}
