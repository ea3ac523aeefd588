package dev.switchboard.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.desk.RoutingRule;
import dev.switchboard.desk.RoutingRuleBook;
import dev.switchboard.desk.RuleActions;
import dev.switchboard.desk.RuleConditions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The routing rules in table {@code routing_rules}, one row a rule in its order, as the one record
 * {@link RoutingRuleBook} under {@link RoutingRuleBook#KEY}: a manager's new list replaces every row in one
 * transaction. A rule's conditions and actions are JSON objects of their components.
 */
final class RoutingRuleMapStore extends JdbcMapStore<RoutingRuleBook> {
    private final ObjectMapper json;

    RoutingRuleMapStore(DataSource dataSource, ObjectMapper json) {
        super(dataSource);
        this.json = json;
    }

    @Override
    String what() {
        return "routing rules";
    }

    @Override
    void write(Connection connection, String key, RoutingRuleBook book) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM routing_rules")) {
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO routing_rules"
                + " (rule_order, name, enabled, conditions_json, actions_json) VALUES (?, ?, ?, ?, ?)")) {
            int order = 1;
            for (RoutingRule rule : book.rules()) {
                insert.setInt(1, order++);
                insert.setString(2, rule.name());
                insert.setBoolean(3, rule.enabled());
                insert.setString(4, text(rule.conditions(), rule));
                insert.setString(5, text(rule.actions(), rule));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Every rule in its order; an empty book when there is none. */
    @Override
    RoutingRuleBook read(Connection connection, String key) throws SQLException {
        if (!RoutingRuleBook.KEY.equals(key)) {
            return null;
        }
        List<RoutingRule> rules = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT name, enabled, conditions_json,"
                + " actions_json FROM routing_rules ORDER BY rule_order");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString("name");
                rules.add(new RoutingRule(name, rows.getBoolean("enabled"),
                        value(rows.getString("conditions_json"), RuleConditions.class, name),
                        value(rows.getString("actions_json"), RuleActions.class, name)));
            }
        }
        return new RoutingRuleBook(rules);
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return List.of(RoutingRuleBook.KEY);
    }

    private String text(Object part, RoutingRule rule) {
        try {
            return json.writeValueAsString(part);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("routing rule '" + rule.name() + "' cannot be written", e);
        }
    }

    private <T> T value(String text, Class<T> type, String rule) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("routing rule '" + rule + "' in table routing_rules is not valid JSON", e);
        }
    }
}
