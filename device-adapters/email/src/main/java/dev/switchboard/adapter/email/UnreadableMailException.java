package dev.switchboard.adapter.email;

/** A mail the help desk cannot take (no sender, too large, undecodable, automatic); the message says why. */
final class UnreadableMailException extends Exception {
    UnreadableMailException(String reason) {
        super(reason);
    }

    UnreadableMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
