package dev.switchboard.adapter.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.switchboard.spi.WidgetSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The saved look of the chat button as the loader reads it from its own text ({@code src/main/widget/src/loader.js}
 * reads {@value #PLACEHOLDER} as JSON): colour, corner, the language of a page that names none, the texts that are
 * not the widget's own, and the invitation when it is on. Never the allowed sites: a page has no need of them. The
 * JSON is escaped to sit inside a JavaScript string of either quote, whatever a manager typed.
 */
final class ServedLook {
    /** The loader's placeholder for the look it is served with. */
    static final String PLACEHOLDER = "__SWITCHBOARD_SERVED_LOOK__";

    private ServedLook() {
    }

    /** The look of {@code settings} as the text of a JavaScript string literal. */
    static String of(WidgetSettings settings) {
        String json = new String(Json.write(out -> write(out, settings)), StandardCharsets.UTF_8);
        StringBuilder escaped = new StringBuilder(json.length() + 16);
        for (char c : json.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                case '\'' -> escaped.append("\\'");
                case '<' -> escaped.append("\\u003c");
                case '\u2028' -> escaped.append("\\u2028");
                case '\u2029' -> escaped.append("\\u2029");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static void write(JsonGenerator out, WidgetSettings s) throws IOException {
        out.writeStartObject();
        out.writeStringField("color", s.color());
        out.writeStringField("position", s.position());
        out.writeStringField("lang", s.language());
        out.writeObjectFieldStart("texts");
        texts(out, "en", s.english());
        texts(out, "pl", s.polish());
        out.writeEndObject();
        if (s.invitation().on()) {
            out.writeObjectFieldStart("invite");
            out.writeNumberField("after", s.invitation().afterSeconds());
            out.writeStringField("pages", s.invitation().pathPattern());
            out.writeNumberField("minPages", s.invitation().minPages());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    /** The texts of one language under the loader's names; an empty one is left out (the widget's own). */
    private static void texts(JsonGenerator out, String language, WidgetSettings.Texts texts) throws IOException {
        out.writeObjectFieldStart(language);
        field(out, "online", texts.available());
        field(out, "offline", texts.unavailable());
        field(out, "greeting", texts.greeting());
        field(out, "invite", texts.invitation());
        out.writeEndObject();
    }

    private static void field(JsonGenerator out, String name, String value) throws IOException {
        if (!value.isEmpty()) {
            out.writeStringField(name, value);
        }
    }
}
