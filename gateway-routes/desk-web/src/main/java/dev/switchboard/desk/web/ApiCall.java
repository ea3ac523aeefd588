package dev.switchboard.desk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchboard.desk.AgentAccount;
import dev.switchboard.desk.AgentDeskException;
import dev.switchboard.desk.AgentSession;
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
 * @param query        the query parameters (first value of each)
 */
record ApiCall(AgentAccount account, AgentSession session, String sessionToken, Map<String, String> parameters,
               JsonNode body, Map<String, String> query) {

    ApiCall {
        body = body == null ? MissingNode.getInstance() : body;
        query = query == null ? Map.of() : query;
    }

    /** A whole-number query parameter, 0 when absent. */
    long query(String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AgentDeskException(AgentDeskException.Kind.INVALID, "'" + name + "' must be a whole number");
        }
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

    /** A true/false field, {@code false} when absent. */
    boolean bool(String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new AgentDeskException(AgentDeskException.Kind.INVALID, "'" + field + "' must be true or false");
        }
        return node.booleanValue();
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
