package dev.switchboard.adapter.itv;

/** A request the TV API refuses, with its HTTP status and error code. */
final class TvApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    TvApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static TvApiException badRequest(String code, String message) {
        return new TvApiException(400, code, message);
    }

    static TvApiException notFound() {
        return new TvApiException(404, "not-found", "no such conversation, or the customer token does not open it");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
