package dev.switchboard.gateway.adapters;

/** The device adapters on the class path cannot run together; the message says which and why. */
public final class AdapterConflictException extends IllegalStateException {
    public AdapterConflictException(String message) {
        super(message);
    }

    public AdapterConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
