package dev.switchboard.adapter.twilio;

/** A voice webhook that does not say which call or what happened to it; the message says why. */
final class InvalidCallException extends Exception {
    InvalidCallException(String message) {
        super(message);
    }
}
