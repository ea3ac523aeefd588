package dev.switchboard.spi;

import java.util.regex.Pattern;

/**
 * An id a device makes up and states about itself (a web visitor id, a set-top id, an app install id): 8 to 64
 * URL-safe characters, {@linkplain #selfAsserted() self-asserted}. Two ids are equal when they are of the same
 * kind and value.
 */
public abstract sealed class OpaqueId implements CustomerAddress permits WebVisitorId, SetTopId, AppInstallId {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private final String kind;
    private final String value;

    /**
     * @param kind  the {@link #kind()}
     * @param what  what the id is called in a refusal ("web visitor id")
     * @param value the id; surrounding white space is dropped
     * @throws InvalidAddressException when it is missing or not of the form
     */
    OpaqueId(String kind, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidAddressException(what + " is missing");
        }
        String trimmed = value.trim();
        if (!FORM.matcher(trimmed).matches()) {
            throw new InvalidAddressException(what + " must be 8 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        this.kind = kind;
        this.value = trimmed;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final String value() {
        return value;
    }

    @Override
    public final boolean selfAsserted() {
        return true;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof OpaqueId id && id.kind.equals(kind) && id.value.equals(value);
    }

    @Override
    public final int hashCode() {
        return 31 * kind.hashCode() + value.hashCode();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[value=" + value + "]";
    }
}
