package dev.switchboard.agent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchboard.hub.agents.AgentAccount;
import dev.switchboard.hub.agents.AgentDeskException;
import dev.switchboard.hub.agents.AgentSession;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One call of the agent API as a handler sees it: who makes it, the path parameters and the JSON body.
 *
 * @param account      the signed-in account, {@code null} for sign-in
 * @param session      his session, {@code null} for sign-in
 * @param sessionToken the cookie's token, {@code null} for sign-in
 * @param parameters   the path parameters by name
 * @param body         the JSON body, a missing node when there is none
 */
record ApiCall(AgentAccount account, AgentSession session, String sessionToken, Map<String, String> parameters,
               JsonNode body) {

    ApiCall {
        body = body == null ? MissingNode.getInstance() : body;
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    /** A text field of the body; {@code null} when absent or JSON null. */
    String text(String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new AgentDeskException(AgentDeskException.Kind.INVALID, "'" + field + "' must be a string");
        }
        return node.textValue();
    }

    String requiredText(String field) {
        String value = text(field);
        if (value == null || value.isBlank()) {
            throw new AgentDeskException(AgentDeskException.Kind.INVALID, "'" + field + "' is required");
        }
        return value;
    }

    /** A whole-number field, or {@code fallback} when absent. */
    int integer(String field, int fallback) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new AgentDeskException(AgentDeskException.Kind.INVALID, "'" + field + "' must be a whole number");
        }
        return node.intValue();
    }

    /** A list of strings, or {@code null} when absent. */
    Set<String> names(String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new AgentDeskException(AgentDeskException.Kind.INVALID, "'" + field + "' must be a list of names");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new AgentDeskException(AgentDeskException.Kind.INVALID, "'" + field + "' must be a list of names");
            }
            names.add(item.textValue());
        }
        return names;
    }
}
