package dev.switchboard.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The web chat button as the help desk's managers set it up on the manager page "Embed the button": how it looks on
 * the company's pages (colour, corner, the language of a page that names none, its texts in English and Polish), when
 * it invites a visitor to chat, and the sites whose pages may show it, beside those of the server's setting. The agent
 * desk keeps it in the database and tells every node of each change ({@link SavedWidgetSettings}); the web adapter
 * writes the look into the widget's loader and lets the sites' pages call the customer API.
 *
 * <p>It crosses the network in Compact form: components are strings, numbers, booleans, lists of strings and the two
 * records below. An empty text means the widget's own text for that language.
 *
 * @param color          the button's colour, {@code #rrggbb}
 * @param position       the corner, {@code right} or {@code left} (at the bottom)
 * @param language       the language of a page that names none, {@code en} or {@code pl}
 * @param english        the texts on English pages
 * @param polish         the texts on Polish pages
 * @param invitation     when the widget invites a visitor to chat
 * @param allowedOrigins the sites whose pages may show it, origins such as {@code https://shop.example.com}
 * @param savedBy        the manager who saved it last, empty for the defaults
 * @param savedAt        when, {@link Instant#EPOCH} for the defaults
 */
public record WidgetSettings(String color, String position, String language, Texts english, Texts polish,
                             Invitation invitation, List<String> allowedOrigins, String savedBy, Instant savedAt) {

    /** What the widget shows before any manager saved anything. */
    public static final WidgetSettings DEFAULTS = new WidgetSettings("#1a56b0", "right", "en", Texts.NONE, Texts.NONE,
            Invitation.OFF, List.of(), "", Instant.EPOCH);

    public WidgetSettings {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        english = english == null ? Texts.NONE : english;
        polish = polish == null ? Texts.NONE : polish;
        invitation = invitation == null ? Invitation.OFF : invitation;
        savedBy = savedBy == null ? "" : savedBy;
    }

    /**
     * The button's texts in one language; an empty one is the widget's own.
     *
     * @param available   the button while an agent is available ("Chat with us")
     * @param unavailable the button while nobody is ("Nobody is available - leave a message")
     * @param greeting    the first line of the opened chat
     * @param invitation  the invitation's text
     */
    public record Texts(String available, String unavailable, String greeting, String invitation) {
        public static final Texts NONE = new Texts("", "", "", "");

        public Texts {
            available = available == null ? "" : available;
            unavailable = unavailable == null ? "" : unavailable;
            greeting = greeting == null ? "" : greeting;
            invitation = invitation == null ? "" : invitation;
        }
    }

    /**
     * When the widget invites a visitor to chat (only while an agent is available, once per visit).
     *
     * @param on           whether it invites at all
     * @param afterSeconds seconds on a page before it does
     * @param pathPattern  a regular expression the page's path must match; empty: every page
     * @param minPages     pages seen in the visit before it does
     */
    public record Invitation(boolean on, int afterSeconds, String pathPattern, int minPages) {
        public static final Invitation OFF = new Invitation(false, 30, "", 1);

        public Invitation {
            pathPattern = pathPattern == null ? "" : pathPattern;
        }
    }

    /**
     * {@code text} as an origin in the one form browsers send ({@code https://shop.example.com:8443}: scheme http or
     * https, a host, an optional port, no path, query or user), in lower case; empty when it is not one.
     */
    public static Optional<String> origin(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String origin = text.strip();
        try {
            URI uri = new URI(origin);
            boolean plain = uri.getScheme() != null && uri.getHost() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            return plain ? Optional.of(origin.toLowerCase(Locale.ROOT)) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
