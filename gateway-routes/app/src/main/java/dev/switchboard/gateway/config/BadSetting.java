package dev.switchboard.gateway.config;

/**
 * A setting the gateway cannot start with, named in the message with what it needs: the operator's mistake, told in
 * one line, not a fault of the gateway's with a stack trace.
 */
public final class BadSetting extends IllegalArgumentException {
    public BadSetting(String message) {
        super(message);
    }

    public BadSetting(String message, Throwable cause) {
        super(message, cause);
    }
}
