package dev.switchboard.spi;

import java.util.Objects;

/**
 * An adapter's state as {@code /health} shows it.
 *
 * @param status whether the adapter works, has failed, or was left off on purpose
 * @param detail a short human-readable explanation ("bound to smsc.example:2775", "off: not configured")
 */
public record AdapterHealth(Status status, String detail) {

    /** What a monitor should make of an adapter. */
    public enum Status {
        /** It can take and deliver messages now. */
        UP,
        /** It should work and does not: the gateway as a whole is reported down. */
        DOWN,
        /** Switched off by configuration (a channel nobody set up): shown, but the gateway is not down for it. */
        OFF
    }

    public AdapterHealth {
        Objects.requireNonNull(status, "status");
    }

    public static AdapterHealth up(String detail) {
        return new AdapterHealth(Status.UP, detail);
    }

    public static AdapterHealth down(String detail) {
        return new AdapterHealth(Status.DOWN, detail);
    }

    public static AdapterHealth off(String detail) {
        return new AdapterHealth(Status.OFF, detail);
    }

    /** Whether the adapter can take and deliver messages now. */
    public boolean up() {
        return status == Status.UP;
    }
}
