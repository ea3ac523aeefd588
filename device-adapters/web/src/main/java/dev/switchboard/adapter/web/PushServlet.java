package dev.switchboard.adapter.web;

import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.SiteCustomerId;
import dev.switchboard.spi.ThreadPage;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/app/conversations/{id}/events} with {@code Authorization: Bearer <customerToken>}: the app's
 * push connection, a stream of server-sent events ({@code text/event-stream}) carrying the messages of the
 * thread after {@code Last-Event-ID} (a message id; without it, or when it is far back, the newest page and the
 * cursor of the older ones: see {@link PushStream#sendNew}), then each new one as it is stored, on whichever node. The app sends the token in a header (it reads the stream with {@code fetch}),
 * so it never appears in a URL or an access log; a company's logged-in customer may send his signed id instead
 * ({@link SignedCustomerIds#HEADER}). A conversation that is unknown or that the token does not
 * open is a 404 JSON error, the same for both; so is any other path.
 */
final class PushServlet extends HttpServlet {
    static final String PATH = "/api/app/conversations";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PushServlet.class);
    private static final Pattern EVENTS = Pattern.compile("/([A-Za-z0-9_-]{1,64})/events");
    private static final String BEARER = "bearer ";
    private static final int MAX_EVENT_ID = 128;
    /** Whether the token opens the conversation is read from its newest message alone. */
    private static final ThreadPage OPENS = new ThreadPage(null, 1);

    private final transient HelpDesk helpDesk;
    private final transient PushStreams streams;
    private final transient SignedCustomerIds signedIds;

    PushServlet(HelpDesk helpDesk, PushStreams streams, SignedCustomerIds signedIds) {
        this.helpDesk = helpDesk;
        this.streams = streams;
        this.signedIds = signedIds;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = EVENTS.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            refuse(request, response, 404, "not-found", "no such path; the push stream is " + PATH + "/{id}/events");
            return;
        }
        if (!"GET".equals(request.getMethod())) {
            response.setHeader("Allow", "GET");
            refuse(request, response, 405, "method-not-allowed", request.getMethod() + " is not allowed here; use GET");
            return;
        }
        String conversationId = path.group(1);
        String token = bearerToken(request.getHeader("Authorization"));
        SiteCustomerId signed;
        try {
            signed = token != null ? null : signedIds.check(request.getHeader(SignedCustomerIds.HEADER));
        } catch (ApiException e) {
            refuse(request, response, e.status(), e.code(), e.getMessage());
            return;
        }
        Function<ThreadPage, Optional<ConversationView>> reader = signed != null
                ? page -> helpDesk.conversationOf(signed, page).filter(view -> view.id().equals(conversationId))
                : page -> helpDesk.conversation(conversationId, token, page);
        if ((token == null && signed == null) || reader.apply(OPENS).isEmpty()) {
            refuse(request, response, 404, "not-found", "no such conversation, or the customer token does not open it");
            return;
        }
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.flushBuffer();
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        PushStream stream = new PushStream(conversationId, reader, lastEventId(request), async);
        async.addListener(new Forget(streams, stream));
        streams.open(stream);
    }

    private static String lastEventId(HttpServletRequest request) {
        String id = request.getHeader("Last-Event-ID");
        return id == null || id.isBlank() || id.length() > MAX_EVENT_ID ? null : id.strip();
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
                               String message) throws IOException {
        LOG.warn("{} {} refused: {} {}: {}", request.getMethod(), request.getRequestURI(), status, code, message);
        byte[] body = PushEvents.error(code, message);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Forgets the stream once the container is done with its request, however that came about. */
    private record Forget(PushStreams streams, PushStream stream) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            streams.closed(stream);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            stream.close();
        }

        @Override
        public void onError(AsyncEvent event) {
            stream.close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }
}
