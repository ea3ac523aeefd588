package dev.switchboard.adapter.web;

import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.spi.WidgetSettings;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sites whose pages may call the customer API from a browser (setting {@value #KEY}, comma-separated origins such
 * as {@code https://shop.example.com}): the pages that embed the chat widget, and the mobile app's own origins
 * ({@code https://localhost} for an app on Android). A request without an {@code Origin} header (not from a browser
 * page of another site) and one from the gateway's own origin are always let through. The sites in force are the
 * setting's and those the managers saved ({@link WidgetSettingsInForce}).
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

    /** These sites and {@code more} (already in the one form {@link WidgetSettings#origin} gives). */
    AllowedOrigins plus(Collection<String> more) {
        Set<String> all = new HashSet<>(origins);
        all.addAll(more);
        return new AllowedOrigins(all);
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
        return WidgetSettings.origin(origin).orElseThrow(() -> new IllegalArgumentException("setting " + KEY
                + " takes origins such as https://shop.example.com (scheme, host and an optional port, no path), "
                + "comma-separated; '" + origin + "' is not one"));
    }
}
