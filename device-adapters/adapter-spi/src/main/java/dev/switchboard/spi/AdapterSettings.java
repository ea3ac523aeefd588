package dev.switchboard.spi;

import java.util.Optional;

/**
 * The gateway's configuration, read-only. Keys are the dotted property names of
 * {@code switchboard.properties} ({@code switchboard.http.port}); each can be overridden by an environment
 * variable of the same name upper-cased with dots as underscores ({@code SWITCHBOARD_HTTP_PORT}).
 */
public interface AdapterSettings {
    /** The setting naming the adapter (by its id) that texts the help desk's own messages on the SMS channel. */
    String SMS_SENDER = "switchboard.sms.sender";

    Optional<String> get(String key);

    /** Whether the adapter {@code adapterId} is the one that texts agents' answers (see {@link #SMS_SENDER}). */
    default boolean isSmsSender(String adapterId) {
        return adapterId.equals(get(SMS_SENDER).orElse("").trim());
    }

    default String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    default int getInt(String key, int defaultValue) {
        Optional<String> value = get(key);
        if (value.isEmpty() || value.get().isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, was '" + value.get() + "'");
        }
    }
}
