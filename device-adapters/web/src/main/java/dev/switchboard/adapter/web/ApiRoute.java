package dev.switchboard.adapter.web;

/**
 * Which operation a request path names, with the one HTTP method it takes.
 *
 * @param kind           the operation
 * @param conversationId the conversation of the path, or {@code null}
 */
record ApiRoute(Kind kind, String conversationId) {

    static final String HELP_PATH = "/api/help";
    static final String CONVERSATIONS_PATH = "/api/conversations";
    /** The path segment that names the signed customer's own conversation; no conversation id is this word. */
    static final String MINE = "mine";

    /** Longest conversation id looked up; longer ones are unknown without asking the help desk. */
    static final int MAX_CONVERSATION_ID_LENGTH = 200;

    /** The operations of the API. */
    enum Kind {
        /** {@code POST /api/help}: a message from a visitor. */
        HELP("POST"),
        /** {@code POST /api/conversations/{id}/messages}: a message to a conversation the token opens. */
        CONVERSATION_MESSAGE("POST"),
        /** {@code POST /api/conversations/{id}/rating}: the customer rates the help he got ({@link CustomerRatingCall}). */
        CONVERSATION_RATING("POST"),
        /** {@code POST /api/conversations/{id}/typing}: the customer is typing ({@link CustomerActivityCall}). */
        CONVERSATION_TYPING("POST"),
        /** {@code POST /api/conversations/{id}/read}: the customer saw the thread up to a message ({@link CustomerActivityCall}). */
        CONVERSATION_READ("POST"),
        /**
         * {@code GET /api/conversations/mine}: the thread of the signed customer ({@link SignedCustomerIds}), for a
         * device of his that does not know its id yet.
         */
        SIGNED_CONVERSATION("GET"),
        /** {@code GET /api/conversations/{id}}: the thread the token opens. */
        CONVERSATION("GET"),
        /** {@code GET /api/conversations/{id}/events}: the thread's messages pushed as server-sent events. */
        EVENTS("GET"),
        /** Any other path. */
        UNKNOWN(null);

        private final String method;

        Kind(String method) {
            this.method = method;
        }

        /** The one method the operation takes. */
        String method() {
            return method;
        }
    }

    private static final ApiRoute UNKNOWN = new ApiRoute(Kind.UNKNOWN, null);

    /**
     * Reads a request's path within the gateway (servlet path and path info, both decoded).
     */
    static ApiRoute of(String servletPath, String pathInfo) {
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        if (path.equals(HELP_PATH)) {
            return new ApiRoute(Kind.HELP, null);
        }
        if (!path.startsWith(CONVERSATIONS_PATH + "/")) {
            return UNKNOWN;
        }
        String rest = path.substring(CONVERSATIONS_PATH.length() + 1);
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        if (id.isEmpty() || id.length() > MAX_CONVERSATION_ID_LENGTH) {
            return UNKNOWN;
        }
        if (slash < 0) {
            return id.equals(MINE) ? new ApiRoute(Kind.SIGNED_CONVERSATION, null) : new ApiRoute(Kind.CONVERSATION, id);
        }
        return switch (rest.substring(slash)) {
            case "/messages" -> new ApiRoute(Kind.CONVERSATION_MESSAGE, id);
            case "/rating" -> new ApiRoute(Kind.CONVERSATION_RATING, id);
            case "/typing" -> new ApiRoute(Kind.CONVERSATION_TYPING, id);
            case "/read" -> new ApiRoute(Kind.CONVERSATION_READ, id);
            case "/events" -> new ApiRoute(Kind.EVENTS, id);
            default -> UNKNOWN;
        };
    }
}
