package dev.switchboard.adapter.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the API reads from a request's headers.
 *
 * @param userAgent      {@code User-Agent}, or {@code null}
 * @param idempotencyKey {@code Idempotency-Key}, checked, or {@code null}
 * @param customerToken  the token of {@code Authorization: Bearer <token>}, or {@code null}
 */
record ClientHeaders(String userAgent, String idempotencyKey, String customerToken) {

    /** Longest user agent passed on to the help desk; longer ones are cut. */
    static final int MAX_USER_AGENT_LENGTH = 512;

    private static final String BEARER = "bearer ";

    /** @throws ApiException 400 when {@code Idempotency-Key} is blank or too long */
    static ClientHeaders of(HttpServletRequest request) {
        return of(request.getHeader("User-Agent"), request.getHeader("Idempotency-Key"),
                request.getHeader("Authorization"));
    }

    static ClientHeaders of(String userAgent, String idempotencyKey, String authorization) {
        return new ClientHeaders(userAgent(userAgent),
                HelpRequestParser.idempotencyKey(idempotencyKey, "the Idempotency-Key header"),
                bearerToken(authorization));
    }

    /** The token of a {@code Bearer} authorization (scheme in any case), or {@code null} for any other. */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private static String userAgent(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String trimmed = header.trim();
        return trimmed.length() <= MAX_USER_AGENT_LENGTH ? trimmed : trimmed.substring(0, MAX_USER_AGENT_LENGTH);
    }

    @Override
    public String toString() {
        return "ClientHeaders[userAgent=" + userAgent + ", idempotencyKey=" + idempotencyKey
                + ", customerToken=" + (customerToken == null ? "none" : "(hidden)") + "]";
    }
}
