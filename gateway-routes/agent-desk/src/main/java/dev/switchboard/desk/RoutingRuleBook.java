package dev.switchboard.desk;

import java.util.List;

/**
 * The routing rules in their order, kept as one record so that a manager's new list replaces the old one at once,
 * on every node.
 *
 * @param rules the rules, the first to try first
 */
public record RoutingRuleBook(List<RoutingRule> rules) {
    /** The one key the book is kept under. */
    public static final String KEY = "rules";

    public RoutingRuleBook {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
