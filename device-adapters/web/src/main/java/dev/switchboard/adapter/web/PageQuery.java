package dev.switchboard.adapter.web;

import dev.switchboard.spi.ThreadPage;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The page of a thread a {@code GET /api/conversations/{id}} asks for in its query: {@code before}, a cursor a page
 * gave as {@code olderCursor}, and {@code limit}, how many messages at most (1 to {@value ThreadPage#MAX_LIMIT},
 * {@value ThreadPage#DEFAULT_LIMIT} when absent). Neither given: the newest messages.
 */
final class PageQuery {
    static final String BEFORE = "before";
    static final String LIMIT = "limit";

    private PageQuery() {
    }

    /** @throws ApiException 400 {@code invalid-page} naming what is wrong with the query */
    static ThreadPage of(HttpServletRequest request) {
        try {
            return ThreadPage.of(single(request, BEFORE), single(request, LIMIT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(JsonErrors.INVALID_PAGE, e.getMessage());
        }
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values;
        try {
            values = request.getParameterValues(name);
        } catch (RuntimeException e) {
            // Jetty refuses a query with bad percent-encoding when it is first read.
            throw ApiException.badRequest(JsonErrors.INVALID_PAGE, "the query could not be read: " + e.getMessage());
        }
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw ApiException.badRequest(JsonErrors.INVALID_PAGE, name + " is given more than once");
        }
        return values[0];
    }
}
