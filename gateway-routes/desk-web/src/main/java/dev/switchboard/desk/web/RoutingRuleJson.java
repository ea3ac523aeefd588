package dev.switchboard.desk.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.desk.AgentDeskException;
import dev.switchboard.desk.RoutingRule;
import dev.switchboard.desk.RuleActions;
import dev.switchboard.desk.RuleConditions;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the routing rules a manager sends ({@code PUT /api/agent/routing-rules}): {@code {"rules": [{"name",
 * "enabled", "conditions": {...}, "actions": {...}}]}} in their order. A value of the wrong JSON type is refused naming
 * the rule and the field; what the values mean is checked by the desk ({@code RoutingRules.replace}). The answer shows
 * the rules as their records are.
 */
final class RoutingRuleJson {
    private RoutingRuleJson() {
    }

    static List<RoutingRule> rules(JsonNode body) {
        JsonNode rules = body.path("rules");
        if (!rules.isArray()) {
            throw invalid("'rules' must be a list of rules, the first to try first");
        }
        List<RoutingRule> read = new ArrayList<>();
        int position = 1;
        for (JsonNode rule : rules) {
            read.add(rule(rule, "rule " + position++));
        }
        return read;
    }

    private static RoutingRule rule(JsonNode rule, String where) {
        if (!rule.isObject()) {
            throw invalid(where + ": must be an object with name, enabled, conditions and actions");
        }
        JsonNode enabled = rule.path("enabled");
        if (!enabled.isMissingNode() && !enabled.isBoolean()) {
            throw invalid(where + ", enabled: must be true or false");
        }
        String name = text(rule, "name", where);
        String named = name == null || name.isBlank() ? where : where + " '" + name.strip() + "'";
        JsonNode when = object(rule, "conditions", named);
        JsonNode then = object(rule, "actions", named);
        RuleConditions conditions = new RuleConditions(list(when, "channels", named), list(when, "senders", named),
                list(when, "writtenTo", named), list(when, "words", named), list(when, "languages", named),
                text(when, "from", named), text(when, "until", named), list(when, "days", named),
                list(when, "regions", named));
        RuleActions actions = new RuleActions(text(then, "team", named), text(then, "skill", named),
                priority(then, named), text(then, "acknowledgement", named), list(then, "tags", named));
        return new RoutingRule(name, enabled.isMissingNode() || enabled.booleanValue(), conditions, actions);
    }

    private static JsonNode object(JsonNode rule, String field, String where) {
        JsonNode node = rule.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!node.isObject()) {
            throw invalid(where + ", " + field + ": must be an object");
        }
        return node;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(where + ", " + field + ": must be a string");
        }
        return value.textValue();
    }

    private static int priority(JsonNode node, String where) {
        JsonNode value = node.path("priority");
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(where + ", priority: must be a whole number");
        }
        return value.intValue();
    }

    private static List<String> list(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(where + ", " + field + ": must be a list of strings");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw invalid(where + ", " + field + ": must be a list of strings");
            }
            items.add(item.textValue());
        }
        return items;
    }

    private static AgentDeskException invalid(String message) {
        return new AgentDeskException(AgentDeskException.Kind.INVALID, message);
    }
}
