package dev.switchboard.spi;

import java.util.regex.Pattern;

/** The shared rule of the id-like addresses (visitor, set-top, app install): 8-64 URL-safe characters. */
final class OpaqueId {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private OpaqueId() {
    }

    static String check(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidAddressException(what + " is missing");
        }
        String trimmed = value.trim();
        if (!FORM.matcher(trimmed).matches()) {
            throw new InvalidAddressException(
                    what + " must be 8 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        return trimmed;
    }
}
