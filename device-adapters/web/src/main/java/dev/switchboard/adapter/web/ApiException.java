package dev.switchboard.adapter.web;

/**
 * A request the API refuses, with the HTTP status, the short error code and the reason a client is shown.
 * {@link CustomerApiServlet} turns it into a {@link JsonErrors} body and one WARN log line.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    /** The one answer for an unknown conversation, someone else's conversation and a missing or wrong token. */
    static ApiException notFound() {
        return new ApiException(404, JsonErrors.NOT_FOUND, JsonErrors.NOT_FOUND_MESSAGE);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
