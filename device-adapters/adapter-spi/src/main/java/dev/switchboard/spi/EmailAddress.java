package dev.switchboard.spi;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address: one {@code @}, a local part and a dotted domain (lower-cased), 254 characters at most. */
public record EmailAddress(String value) implements CustomerAddress {
    static final String KIND = "email";
    private static final Pattern FORM =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw new InvalidAddressException("email address is missing");
        }
        String trimmed = value.trim();
        int at = trimmed.lastIndexOf('@');
        String normalized = at < 0 ? trimmed
                : trimmed.substring(0, at) + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !FORM.matcher(normalized).matches()) {
            throw new InvalidAddressException("not an email address: '" + value + "'");
        }
        value = normalized;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean selfAsserted() {
        return false;
    }
}
