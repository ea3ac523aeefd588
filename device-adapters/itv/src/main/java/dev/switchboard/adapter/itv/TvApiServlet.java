package dev.switchboard.adapter.itv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.CustomerTokenRequiredException;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.ThreadPage;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overlay's JSON API at {@code /tv/api/}, the customer token in {@code Authorization: Bearer}:
 * <ul>
 *   <li>{@code POST /tv/api/help}: a question (empty text: the viewer opened the overlay), 201 with the outcome;</li>
 *   <li>{@code POST /tv/api/requests}: a colour-key request (agent, send to phone, call back);
 *       send to phone and call back carry a {@link dev.switchboard.spi.ContactRequest} for the hub to act on; the
 *       answer to the satisfaction question is a rating ({@link TvSatisfaction}), 201 with it;</li>
 *   <li>{@code GET /tv/api/conversations/{id}?before=&limit=}: a page of the thread, the newest without a query,
 *       polled while the overlay waits for an agent; {@code before} is a page's {@code olderCursor}, {@code limit}
 *       1 to {@value ThreadPage#MAX_LIMIT} ({@value ThreadPage#DEFAULT_LIMIT} when absent).</li>
 * </ul>
 * A repeated idempotency key answers 200 with the first outcome. Refusals are {@link TvJson#error} bodies,
 * logged at WARN; an unexpected failure is a 500 logged at ERROR. Stateless and thread-safe.
 */
final class TvApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TvApiServlet.class);

    static final String API_PATH = "/tv/api";
    private static final String CONVERSATIONS = "/conversations/";
    private static final String BEARER = "bearer ";
    private static final String INVALID_PAGE = "invalid-page";

    private final transient HelpDesk helpDesk;
    private final transient TvInteractions interactions;
    private final transient TvContactRequests contactRequests;
    private final transient TvRequestParser parser = new TvRequestParser();
    private final transient TvSatisfaction satisfaction;

    TvApiServlet(HelpDesk helpDesk, TvInteractions interactions) {
        this.helpDesk = helpDesk;
        this.satisfaction = new TvSatisfaction(helpDesk);
        this.interactions = interactions;
        this.contactRequests = new TvContactRequests(helpDesk);
    }

    private record Answer(int status, byte[] body) {
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            send(response, answer(request, path));
        } catch (TvApiException e) {
            refuse(request, response, e);
        } catch (CustomerTokenRequiredException e) {
            refuse(request, response, new TvApiException(403, "token-required", e.getMessage()));
        } catch (IllegalArgumentException e) {
            refuse(request, response, TvApiException.badRequest("invalid-request", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("{} {}{} failed", request.getMethod(), API_PATH, TvRequestParser.shorten(path), e);
            send(response, new Answer(500, TvJson.error("internal", "the help desk could not take this; try again later")));
        }
    }

    private Answer answer(HttpServletRequest request, String path) throws IOException {
        String method = request.getMethod();
        if (path.equals("/help") && method.equals("POST")) {
            return submit(parser.question(request.getContentType(), request.getInputStream()), request);
        }
        if (path.equals("/requests") && method.equals("POST")) {
            JsonNode body = parser.requestBody(request.getContentType(), request.getInputStream());
            if (TvRequestParser.isSatisfaction(body)) {
                return new Answer(201, satisfaction.rate(parser.satisfaction(body), bearerToken(request)));
            }
            return submit(parser.colourKeyRequest(body), request);
        }
        if (path.startsWith(CONVERSATIONS) && method.equals("GET")) {
            return conversation(path.substring(CONVERSATIONS.length()), bearerToken(request), page(request));
        }
        if (path.equals("/help") || path.equals("/requests") || path.startsWith(CONVERSATIONS)) {
            throw new TvApiException(405, "method-not-allowed", method + " is not allowed here");
        }
        throw new TvApiException(404, "not-found", "no such TV API resource");
    }

    private Answer submit(TvRequest tvRequest, HttpServletRequest request) {
        String token = bearerToken(request);
        Interaction interaction = interactions.of(tvRequest, request.getHeader("User-Agent"))
                .withRequest(contactRequests.of(tvRequest, token));
        Outcome outcome = helpDesk.submit(interaction, token);
        return new Answer(outcome.duplicate() ? 200 : 201, TvJson.outcome(outcome, tvRequest.setTopId()));
    }

    private Answer conversation(String conversationId, String token, ThreadPage page) {
        if (token == null || conversationId.isEmpty()) {
            throw TvApiException.notFound();
        }
        ConversationView conversation = helpDesk.conversation(conversationId, token, page)
                .orElseThrow(TvApiException::notFound);
        return new Answer(200, TvJson.conversation(conversation));
    }

    /** The page of the thread the query asks for; checked before the token, so a refusal tells nothing of the thread. */
    private static ThreadPage page(HttpServletRequest request) {
        try {
            return ThreadPage.of(single(request, "before"), single(request, "limit"));
        } catch (IllegalArgumentException e) {
            throw TvApiException.badRequest(INVALID_PAGE, e.getMessage());
        }
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values;
        try {
            values = request.getParameterValues(name);
        } catch (RuntimeException e) {
            // Jetty refuses a query with bad percent-encoding when it is first read.
            throw TvApiException.badRequest(INVALID_PAGE, "the query could not be read: " + e.getMessage());
        }
        if (values != null && values.length > 1) {
            throw TvApiException.badRequest(INVALID_PAGE, name + " is given more than once");
        }
        return values == null ? null : values[0];
    }

    private static String bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, TvApiException refusal)
            throws IOException {
        LOG.warn("{} {}{} refused: {} {}: {}", request.getMethod(), API_PATH,
                TvRequestParser.shorten(request.getPathInfo()), refusal.status(), refusal.code(), refusal.getMessage());
        send(response, new Answer(refusal.status(), TvJson.error(refusal.code(), refusal.getMessage())));
    }

    private static void send(HttpServletResponse response, Answer answer) throws IOException {
        response.setStatus(answer.status());
        response.setHeader("Content-Type", "application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
