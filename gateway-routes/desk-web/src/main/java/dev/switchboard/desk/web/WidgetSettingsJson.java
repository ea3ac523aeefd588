package dev.switchboard.desk.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.desk.AgentDeskException;
import dev.switchboard.desk.WidgetSetup;
import dev.switchboard.spi.WidgetSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat widget's settings in the agent API ({@code GET} and {@code PUT /api/agent/widget-settings}): read from a
 * request's body, each field of the wrong JSON type refused naming it as the page does ({@code english.greeting},
 * {@code invitation.afterSeconds}); written with the sites of the server's setting beside, read-only.
 */
final class WidgetSettingsJson {
    private WidgetSettingsJson() {
    }

    /** The settings a manager sends; what the desk's rules check comes after. */
    static WidgetSettings read(JsonNode body) {
        JsonNode invitation = object(body, "invitation");
        return new WidgetSettings(text(body, "color", "color"), text(body, "position", "position"),
                text(body, "language", "language"), texts(body, "english"), texts(body, "polish"),
                invitation.isMissingNode() ? WidgetSettings.Invitation.OFF : new WidgetSettings.Invitation(
                        bool(invitation, "on", "invitation.on"),
                        number(invitation, "afterSeconds", "invitation.afterSeconds", WidgetSettings.Invitation.OFF.afterSeconds()),
                        text(invitation, "pathPattern", "invitation.pathPattern"),
                        number(invitation, "minPages", "invitation.minPages", WidgetSettings.Invitation.OFF.minPages())),
                origins(body), null, null);
    }

    /** The settings saved, with the server's sites and who saved them when. */
    static Map<String, Object> view(WidgetSettings s, WidgetSetup setup) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("color", s.color());
        view.put("position", s.position());
        view.put("language", s.language());
        view.put("english", s.english());
        view.put("polish", s.polish());
        view.put("invitation", s.invitation());
        view.put("allowedOrigins", s.allowedOrigins());
        view.put("serverOrigins", setup.serverOrigins());
        view.put("savedBy", s.savedBy().isEmpty() ? null : s.savedBy());
        view.put("savedAt", s.savedBy().isEmpty() ? null : s.savedAt());
        return view;
    }

    private static WidgetSettings.Texts texts(JsonNode body, String language) {
        JsonNode texts = object(body, language);
        return new WidgetSettings.Texts(text(texts, "available", language + ".available"),
                text(texts, "unavailable", language + ".unavailable"), text(texts, "greeting", language + ".greeting"),
                text(texts, "invitation", language + ".invitation"));
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!node.isObject()) {
            throw AgentDeskException.invalidField(field, "'" + field + "' must be an object");
        }
        return node;
    }

    private static String text(JsonNode parent, String name, String field) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw AgentDeskException.invalidField(field, "'" + field + "' must be a string");
        }
        return node.textValue();
    }

    private static boolean bool(JsonNode parent, String name, String field) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw AgentDeskException.invalidField(field, "'" + field + "' must be true or false");
        }
        return node.booleanValue();
    }

    private static int number(JsonNode parent, String name, String field, int fallback) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw AgentDeskException.invalidField(field, "'" + field + "' must be a whole number");
        }
        return node.intValue();
    }

    private static List<String> origins(JsonNode body) {
        JsonNode node = body.path("allowedOrigins");
        List<String> origins = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return origins;
        }
        if (!node.isArray()) {
            throw AgentDeskException.invalidField("allowedOrigins", "'allowedOrigins' must be a list of origins");
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw AgentDeskException.invalidField("allowedOrigins", "'allowedOrigins' must be a list of origins");
            }
            origins.add(item.textValue());
        }
        return origins;
    }
}
