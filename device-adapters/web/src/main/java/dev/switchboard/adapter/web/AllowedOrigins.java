package dev.switchboard.adapter.web;

import dev.switchboard.spi.AdapterSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sites whose pages may call the customer API from a browser (setting {@value #KEY}, comma-separated origins such
 * as {@code https://shop.example.com}): the pages that embed the chat widget, and the mobile app's own origins
 * ({@code https://localhost} for an app on Android). A request without an {@code Origin} header (not from a browser
 * page of another site) and one from the gateway's own origin are always let through.
 */
record AllowedOrigins(Set<String> origins) {
    static final String KEY = "switchboard.widget.allowed-origins";

    AllowedOrigins {
        origins = Set.copyOf(origins);
    }

    /** @throws IllegalArgumentException naming the setting and the value when one is not an origin */
    static AllowedOrigins from(AdapterSettings settings) {
        return of(settings.get(KEY, ""));
    }

    static AllowedOrigins of(String commaSeparated) {
        return new AllowedOrigins(Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(AllowedOrigins::checked)
                .collect(Collectors.toSet()));
    }

    /**
     * Whether a request with header {@code Origin: origin} to a gateway reached as {@code host} ({@code Host}) is let
     * through.
     */
    boolean allows(String origin, String scheme, String host) {
        if (origin == null) {
            return true;
        }
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        return origins.contains(normalized)
                || (host != null && normalized.equals(scheme + "://" + host.strip().toLowerCase(Locale.ROOT)));
    }

    /** Whether {@code origin} is one of the listed sites (not merely the gateway's own origin). */
    boolean lists(String origin) {
        return origin != null && origins.contains(origin.strip().toLowerCase(Locale.ROOT));
    }

    private static String checked(String origin) {
        try {
            URI uri = new URI(origin);
            boolean plain = uri.getScheme() != null && uri.getHost() != null
                    && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (plain) {
                return origin.toLowerCase(Locale.ROOT);
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new IllegalArgumentException("setting " + KEY + " takes origins such as https://shop.example.com "
                + "(scheme, host and an optional port, no path), comma-separated; '" + origin + "' is not one");
    }
}
