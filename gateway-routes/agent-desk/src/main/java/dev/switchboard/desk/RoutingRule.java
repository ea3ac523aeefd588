package dev.switchboard.desk;

import dev.switchboard.hub.domain.FirstMessage;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * One of the ordered rules a manager keeps for routing new conversations: when its conditions hold for a
 * conversation's first message, its actions route it. The first enabled rule that matches wins ({@link RoutingRules}).
 *
 * @param name       how managers and agents know it (an agent sees which rule routed a conversation)
 * @param enabled    whether it is in force; a disabled rule is kept but skipped
 * @param conditions when it applies
 * @param actions    what it does
 */
public record RoutingRule(String name, boolean enabled, RuleConditions conditions, RuleActions actions) {
    static final int MAX_NAME_LENGTH = 100;

    public RoutingRule {
        name = name == null ? "" : name.strip();
        conditions = conditions == null ? RuleConditions.ANY : conditions;
    }

    boolean matches(FirstMessage message, ZonedDateTime localTime) {
        return enabled && conditions.matches(message, localTime);
    }

    /**
     * This rule checked as the {@code position}th of the list (from 1), or an {@link AgentDeskException} naming it and
     * the field that is wrong.
     */
    RoutingRule checked(int position, Set<String> teams) {
        String rule = "rule " + position + (name.isEmpty() ? "" : " '" + name + "'");
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw invalid(rule, "name", "a rule has a name of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (actions == null) {
            throw invalid(rule, "actions", "a rule does something: a team, a skill, a priority, an acknowledgement"
                    + " or tags");
        }
        return new RoutingRule(name, enabled, conditions.checked(rule), actions.checked(rule, teams));
    }

    /** A refusal naming the rule and its field: {@code rule 2 'BigCorp', channels: ...}. */
    static AgentDeskException invalid(String rule, String field, String problem) {
        return AgentDeskException.invalid(rule + ", " + field + ": " + problem);
    }
}
