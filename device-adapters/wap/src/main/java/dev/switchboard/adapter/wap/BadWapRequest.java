package dev.switchboard.adapter.wap;

/**
 * A request the adapter cannot take, with the HTTP status and the sentence the customer is shown on the
 * error card. Thrown while reading a request; {@link WapServlet} turns it into an error page.
 */
final class BadWapRequest extends RuntimeException {
    private final int status;

    BadWapRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static BadWapRequest badInput(String message) {
        return new BadWapRequest(400, message);
    }

    static BadWapRequest notFound(String message) {
        return new BadWapRequest(404, message);
    }

    int status() {
        return status;
    }
}
