package dev.switchboard.adapter.web;

import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.CustomerTokenRequiredException;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.SiteCustomerId;
import dev.switchboard.spi.ThreadPage;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer JSON API over HTTP, mounted at {@code /api/help} and {@code /api/conversations/*}:
 * <ul>
 *   <li>{@code POST /api/help}: 201 with the {@link OutcomeJson} body, 200 for a repeated idempotency key;</li>
 *   <li>{@code POST /api/conversations/{id}/messages} with {@code Authorization: Bearer <token>}: the same;</li>
 *   <li>{@code POST /api/conversations/{id}/rating} with the token: 200 with the rating ({@link CustomerRatingCall});</li>
 *   <li>{@code POST /api/conversations/{id}/typing} and {@code .../read} with the token: the customer is typing, or saw
 *       the thread up to a message ({@link CustomerActivityCall});</li>
 *   <li>{@code GET /api/conversations/{id}?before=&limit=} with the token: 200 with a page of the thread, the
 *       {@link ConversationJson} body (see {@link PageQuery});</li>
 *   <li>{@code GET /api/conversations/{id}/events} with the token: the thread pushed ({@link PushServlet});</li>
 *   <li>{@code GET /api/conversations/mine} with a signed customer id: his conversation, whose id a new device of his
 *       does not know yet.</li>
 * </ul>
 * A company's logged-in customer may send his signed id ({@link SignedCustomerIds#HEADER}) instead of the token
 * (and instead of a visitor id): {@code POST /api/help} then opens or continues his one conversation from any
 * device, and the message and read calls open it without the token. A bad signature is a 401
 * {@code invalid-identity} and nothing is stored.
 * Every refusal is a {@link JsonErrors} body with its status and one WARN log line; an unexpected failure
 * is a 500 logged at ERROR with its stack trace. Every response is {@code application/json; charset=utf-8}
 * and {@code Cache-Control: no-store}. Stateless and thread-safe.
 */
final class CustomerApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CustomerApiServlet.class);

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final int MAX_LOGGED_PATH = 120;
    /** What a call reads of the thread only to know that the caller may see it. */
    private static final ThreadPage ONE_MESSAGE = new ThreadPage(null, 1);

    private final transient HelpDesk helpDesk;
    private final transient HelpRequestParser parser;
    private final transient InteractionFactory interactions;
    private final transient CustomerRatingCall ratings;
    private final transient CustomerActivityCall activity;
    private final transient SignedCustomerIds signedIds;
    private final transient Consumer<String> changed;
    private final HttpServlet events;

    /**
     * @param changed told the conversation id after each message stored, so that its push streams send it
     * @param events  serves the push stream of a conversation
     */
    CustomerApiServlet(HelpDesk helpDesk, HelpRequestParser parser, InteractionFactory interactions,
                       SignedCustomerIds signedIds, Consumer<String> changed, HttpServlet events) {
        this.helpDesk = helpDesk;
        this.signedIds = signedIds;
        this.ratings = new CustomerRatingCall(helpDesk);
        this.activity = new CustomerActivityCall(helpDesk);
        this.parser = parser;
        this.interactions = interactions;
        this.changed = changed;
        this.events = events;
    }

    /** A status and the JSON body to send with it. */
    private record Answer(int status, byte[] body) {
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiRoute route = ApiRoute.of(request.getServletPath(), request.getPathInfo());
        if (route.kind() != ApiRoute.Kind.UNKNOWN && !route.kind().method().equals(request.getMethod())) {
            response.setHeader("Allow", route.kind().method());
            refuse(request, response, new ApiException(405, JsonErrors.METHOD_NOT_ALLOWED,
                    request.getMethod() + " is not allowed here; use " + route.kind().method()));
            return;
        }
        if (route.kind() == ApiRoute.Kind.EVENTS) {
            try {
                events.service((ServletRequest) request, (ServletResponse) response);
            } catch (ServletException e) {
                throw new IOException(e);
            }
            return;
        }
        Answer answer;
        try {
            answer = switch (route.kind()) {
                case HELP -> help(request);
                case CONVERSATION_MESSAGE -> message(route.conversationId(), request);
                case CONVERSATION -> conversation(route.conversationId(), request);
                case SIGNED_CONVERSATION -> signedConversation(request);
                case CONVERSATION_RATING -> rating(route.conversationId(), request);
                case CONVERSATION_TYPING -> new Answer(200,
                        activity.typing(opened(route.conversationId(), request, ONE_MESSAGE).id()));
                case CONVERSATION_READ -> new Answer(200,
                        activity.read(opened(route.conversationId(), request, ONE_MESSAGE).id(), readBody(request)));
                case EVENTS, UNKNOWN -> throw ApiException.notFound();
            };
        } catch (ApiException e) {
            refuse(request, response, e);
            return;
        } catch (CustomerTokenRequiredException e) {
            refuse(request, response, new ApiException(403, JsonErrors.TOKEN_REQUIRED, e.getMessage()));
            return;
        } catch (IllegalArgumentException e) {
            refuse(request, response, ApiException.badRequest(JsonErrors.INVALID_REQUEST, e.getMessage()));
            return;
        } catch (IOException e) {
            refuse(request, response, ApiException.badRequest(JsonErrors.UNREADABLE_BODY,
                    "the request body could not be read: " + e.getMessage()));
            return;
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), loggedPath(request), e);
            send(response, 500, JsonErrors.body(JsonErrors.INTERNAL, JsonErrors.INTERNAL_MESSAGE));
            return;
        }
        send(response, answer.status(), answer.body());
    }

    private Answer help(HttpServletRequest request) throws IOException {
        ClientHeaders headers = ClientHeaders.of(request);
        SiteCustomerId signed = signedIds.check(request.getHeader(SignedCustomerIds.HEADER));
        HelpRequest help = parser.parse(readBody(request));
        Interaction interaction = signed != null ? interactions.toConversation(help, signed, headers)
                : interactions.fromVisitor(help, headers);
        return submitted(helpDesk.submit(interaction, headers.customerToken()), interaction);
    }

    private Answer message(String conversationId, HttpServletRequest request) throws IOException {
        ClientHeaders headers = ClientHeaders.of(request);
        SiteCustomerId signed = headers.customerToken() != null ? null
                : signedIds.check(request.getHeader(SignedCustomerIds.HEADER));
        if (headers.customerToken() == null && signed == null) {
            throw ApiException.notFound();
        }
        HelpRequest message = parser.parse(readBody(request));
        ConversationView conversation = signed != null ? signedConversation(conversationId, signed, ThreadPage.newest())
                : helpDesk.conversation(conversationId, headers.customerToken()).orElseThrow(ApiException::notFound);
        Interaction interaction = interactions.toConversation(message, signed != null ? signed : conversation.address(),
                headers);
        return submitted(helpDesk.submit(interaction, headers.customerToken()), interaction);
    }

    private Answer rating(String conversationId, HttpServletRequest request) throws IOException {
        ClientHeaders headers = ClientHeaders.of(request);
        SiteCustomerId signed = headers.customerToken() != null ? null
                : signedIds.check(request.getHeader(SignedCustomerIds.HEADER));
        return new Answer(200, ratings.rate(conversationId, headers, signed, readBody(request)));
    }

    private Answer conversation(String conversationId, HttpServletRequest request) {
        return new Answer(200, ConversationJson.write(opened(conversationId, request, PageQuery.of(request))));
    }

    /**
     * The newest page of the signed customer's conversation, for a device of his that does not know its id (a new
     * device, or a browser whose chat was opened before he logged in); 404 when he has none yet or sends no signed id.
     */
    private Answer signedConversation(HttpServletRequest request) {
        SiteCustomerId signed = signedIds.check(request.getHeader(SignedCustomerIds.HEADER));
        if (signed == null) {
            throw ApiException.notFound();
        }
        return new Answer(200, ConversationJson.write(helpDesk.conversationOf(signed, PageQuery.of(request))
                .orElseThrow(ApiException::notFound)));
    }

    /**
     * A page of the conversation, when the request's token or signed customer id opens it; otherwise 404, the same for
     * an unknown id and for a wrong token.
     */
    private ConversationView opened(String conversationId, HttpServletRequest request, ThreadPage page) {
        String token = ClientHeaders.bearerToken(request.getHeader("Authorization"));
        SiteCustomerId signed = token != null ? null : signedIds.check(request.getHeader(SignedCustomerIds.HEADER));
        if (token == null && signed == null) {
            throw ApiException.notFound();
        }
        return signed != null ? signedConversation(conversationId, signed, page)
                : helpDesk.conversation(conversationId, token, page).orElseThrow(ApiException::notFound);
    }

    /** The conversation of a signed customer, when it is the one asked for; another id is not found. */
    private ConversationView signedConversation(String conversationId, SiteCustomerId signed, ThreadPage page) {
        return helpDesk.conversationOf(signed, page).filter(conversation -> conversation.id().equals(conversationId))
                .orElseThrow(ApiException::notFound);
    }

    private Answer submitted(Outcome outcome, Interaction interaction) {
        if (!outcome.duplicate()) {
            changed.accept(outcome.conversationId());
        }
        return new Answer(outcome.duplicate() ? 200 : 201, OutcomeJson.write(outcome, interaction.address()));
    }

    private static JsonRequestBody readBody(HttpServletRequest request) throws IOException {
        return JsonRequestBody.read(request.getContentType(), request.getContentLengthLong(), request.getInputStream());
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ApiException refusal)
            throws IOException {
        LOG.warn("{} {} refused: {} {}: {}", request.getMethod(), loggedPath(request), refusal.status(),
                refusal.code(), refusal.getMessage());
        // A body refused before it was read (a wrong type, an unknown conversation) is read and dropped first, so that
        // the connection stays fit for the client's next request; one too large even for that is closed, and says so.
        if (!JsonRequestBody.drain(request.getInputStream())) {
            response.setHeader("Connection", "close");
        }
        send(response, refusal.status(), JsonErrors.body(refusal.code(), refusal.getMessage()));
    }

    private static void send(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setHeader("Content-Type", CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String loggedPath(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path == null || path.length() <= MAX_LOGGED_PATH ? path : path.substring(0, MAX_LOGGED_PATH) + "...";
    }
}
