package dev.switchboard.spi;

/** A customer address that does not have the form its kind requires; the message says what is wrong. */
public class InvalidAddressException extends IllegalArgumentException {
    public InvalidAddressException(String message) {
        super(message);
    }
}
