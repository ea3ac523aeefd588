package dev.switchboard.adapter.web;

import dev.switchboard.spi.AdapterSettings;

/**
 * The web adapter's configuration.
 *
 * @param maxTextLength the longest message text accepted, in characters (Unicode code points);
 *                      setting {@value #MAX_TEXT_LENGTH_KEY}, default {@value #DEFAULT_MAX_TEXT_LENGTH}
 */
record WebApiSettings(int maxTextLength) {
    static final String MAX_TEXT_LENGTH_KEY = "switchboard.web.max-text-length";
    static final int DEFAULT_MAX_TEXT_LENGTH = 4_000;

    WebApiSettings {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException(
                    "setting " + MAX_TEXT_LENGTH_KEY + " must be at least 1, was " + maxTextLength);
        }
    }

    /** @throws IllegalArgumentException when a setting is not a valid value */
    static WebApiSettings from(AdapterSettings settings) {
        return new WebApiSettings(settings.getInt(MAX_TEXT_LENGTH_KEY, DEFAULT_MAX_TEXT_LENGTH));
    }
}
