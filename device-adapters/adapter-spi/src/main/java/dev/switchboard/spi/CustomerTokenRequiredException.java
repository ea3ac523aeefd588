package dev.switchboard.spi;

/**
 * Thrown by {@link HelpDesk#submit} when a self-asserted address (a web visitor id, say) already belongs
 * to a customer and the request did not carry that customer's token. Continuing the conversation
 * without it would hand one customer's thread to whoever guessed the id.
 */
public class CustomerTokenRequiredException extends RuntimeException {
    public CustomerTokenRequiredException(String message) {
        super(message);
    }
}
