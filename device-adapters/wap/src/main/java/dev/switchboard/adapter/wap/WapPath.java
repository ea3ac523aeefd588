package dev.switchboard.adapter.wap;

/**
 * The part of a {@code /wap} address after the adapter's path: an optional session ({@code /s/<id>}) and an
 * action ({@code ""} for the entry deck, {@code ask}, {@code more}, ...). Anything else is answered 404.
 */
record WapPath(String sessionId, String action) {
    private static final String SESSION = "/s/";

    static WapPath parse(String pathInfo) {
        String path = pathInfo == null ? "/" : pathInfo;
        String sessionId = null;
        if (path.startsWith(SESSION)) {
            int end = path.indexOf('/', SESSION.length());
            sessionId = path.substring(SESSION.length(), end < 0 ? path.length() : end);
            path = end < 0 ? "/" : path.substring(end);
        }
        String action = path.startsWith("/") ? path.substring(1) : path;
        if (action.contains("/")) {
            throw BadWapRequest.notFound("there is no such help page");
        }
        return new WapPath(sessionId, action);
    }
}
