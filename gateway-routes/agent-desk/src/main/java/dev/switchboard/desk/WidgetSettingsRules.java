package dev.switchboard.desk;

import dev.switchboard.spi.WidgetSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the chat widget's settings must be before they are saved, each refusal naming its field (as the manager
 * page and the agent API call it) so that the page shows it next to that field: a colour {@code #rrggbb}, a corner
 * and a language the widget knows, texts no longer than the button and the bubble hold, an invitation whose numbers
 * are in range and whose page pattern compiles, and sites given as origins ({@code https://shop.example.com}, no
 * path). Texts are stripped; an empty one means the widget's own.
 */
final class WidgetSettingsRules {
    static final int MAX_BUTTON_TEXT = 60;
    static final int MAX_LONG_TEXT = 200;
    static final int MAX_ORIGINS = 100;
    static final int MAX_INVITE_SECONDS = 3600;
    static final int MAX_INVITE_PAGES = 50;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private WidgetSettingsRules() {
    }

    /**
     * @return the settings as they are saved
     * @throws AgentDeskException of kind INVALID naming the first field that breaks its rule
     */
    static WidgetSettings check(WidgetSettings proposed) {
        if (proposed == null) {
            throw AgentDeskException.invalid("send the widget's settings");
        }
        String color = proposed.color() == null ? "" : proposed.color().strip();
        if (!COLOR.matcher(color).matches()) {
            throw AgentDeskException.invalidField("color", "the colour is #rrggbb (such as #1a56b0), was '" + color + "'");
        }
        String position = proposed.position() == null ? "" : proposed.position().strip();
        if (!position.equals("right") && !position.equals("left")) {
            throw AgentDeskException.invalidField("position", "the position is right or left, was '" + position + "'");
        }
        String language = proposed.language() == null ? "" : proposed.language().strip();
        if (!language.equals("en") && !language.equals("pl")) {
            throw AgentDeskException.invalidField("language", "the language is en or pl, was '" + language + "'");
        }
        return new WidgetSettings(color.toLowerCase(java.util.Locale.ROOT), position, language,
                texts("english", proposed.english()), texts("polish", proposed.polish()),
                invitation(proposed.invitation()), origins(proposed.allowedOrigins()), proposed.savedBy(),
                proposed.savedAt());
    }

    private static WidgetSettings.Texts texts(String language, WidgetSettings.Texts texts) {
        if (texts == null) {
            return WidgetSettings.Texts.NONE;
        }
        return new WidgetSettings.Texts(text(language + ".available", texts.available(), MAX_BUTTON_TEXT),
                text(language + ".unavailable", texts.unavailable(), MAX_BUTTON_TEXT),
                text(language + ".greeting", texts.greeting(), MAX_LONG_TEXT),
                text(language + ".invitation", texts.invitation(), MAX_LONG_TEXT));
    }

    private static String text(String field, String text, int max) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() > max) {
            throw AgentDeskException.invalidField(field, "this text has at most " + max + " characters, was "
                    + stripped.length());
        }
        if (stripped.chars().anyMatch(c -> c < 0x20)) {
            throw AgentDeskException.invalidField(field, "this text is one line, without control characters");
        }
        return stripped;
    }

    private static WidgetSettings.Invitation invitation(WidgetSettings.Invitation invitation) {
        if (invitation == null) {
            return WidgetSettings.Invitation.OFF;
        }
        if (invitation.afterSeconds() < 1 || invitation.afterSeconds() > MAX_INVITE_SECONDS) {
            throw AgentDeskException.invalidField("invitation.afterSeconds", "the invitation comes after 1 to "
                    + MAX_INVITE_SECONDS + " seconds on a page, was " + invitation.afterSeconds());
        }
        if (invitation.minPages() < 1 || invitation.minPages() > MAX_INVITE_PAGES) {
            throw AgentDeskException.invalidField("invitation.minPages", "the invitation comes after 1 to "
                    + MAX_INVITE_PAGES + " pages in the visit, was " + invitation.minPages());
        }
        String pattern = text("invitation.pathPattern", invitation.pathPattern(), MAX_LONG_TEXT);
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw AgentDeskException.invalidField("invitation.pathPattern",
                    "the pages' pattern is a regular expression such as ^/products/; '" + pattern + "' is not one: "
                            + e.getDescription());
        }
        return new WidgetSettings.Invitation(invitation.on(), invitation.afterSeconds(), pattern,
                invitation.minPages());
    }

    private static List<String> origins(List<String> origins) {
        List<String> checked = new ArrayList<>();
        for (String origin : origins == null ? List.<String>of() : origins) {
            String normalized = WidgetSettings.origin(origin).orElseThrow(() ->
                    AgentDeskException.invalidField("allowedOrigins", "a site is its origin: scheme, host and an "
                            + "optional port, no path (https://shop.example.com); '" + origin + "' is not one"));
            if (!checked.contains(normalized)) {
                checked.add(normalized);
            }
        }
        if (checked.size() > MAX_ORIGINS) {
            throw AgentDeskException.invalidField("allowedOrigins", "at most " + MAX_ORIGINS + " sites, were "
                    + checked.size());
        }
        return checked;
    }
}
