package dev.switchboard.spi;

/**
 * An adapter's state as {@code /health} shows it.
 *
 * @param up     whether the adapter can take and deliver messages now
 * @param detail a short human-readable explanation ("bound to smsc.example:2775", "not configured")
 */
public record AdapterHealth(boolean up, String detail) {
    public static AdapterHealth up(String detail) {
        return new AdapterHealth(true, detail);
    }

    public static AdapterHealth down(String detail) {
        return new AdapterHealth(false, detail);
    }
}
