package dev.switchboard.desk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.desk.AgentAccount;
import dev.switchboard.desk.AgentDeskException;
import dev.switchboard.desk.AgentSession;
import dev.switchboard.desk.AgentSessions;
import dev.switchboard.desk.Accounts;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every {@link Operation} of the agent API under {@code /api/agent/}: finds the session from the
 * cookie, checks the CSRF header on every POST and PUT, reads the JSON body and turns refusals into
 * {@code {"error", "message"}} with a fitting status, and {@code "field"} when the refusal names a field of the body.
 */
final class AgentApiServlet extends HttpServlet {
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(AgentApiServlet.class);

    private final List<Operation> operations;
    private final AgentSessions sessions;
    private final Accounts accounts;
    private final SessionCookie cookie;
    private final Consumer<String> seen;
    private final ObjectMapper json;

    /**
     * @param seen told the username of every signed-in call: a desktop that calls is a desktop that is there
     */
    AgentApiServlet(List<Operation> operations, AgentSessions sessions, Accounts accounts, SessionCookie cookie,
                    Consumer<String> seen, ObjectMapper json) {
        this.operations = List.copyOf(operations);
        this.sessions = sessions;
        this.accounts = accounts;
        this.cookie = cookie;
        this.seen = seen;
        this.json = json;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        try {
            Operation operation = null;
            Map<String, String> parameters = null;
            boolean pathKnown = false;
            for (Operation candidate : operations) {
                Optional<Map<String, String>> match = candidate.match(path);
                if (match.isPresent()) {
                    pathKnown = true;
                    if (candidate.method().equals(method)) {
                        operation = candidate;
                        parameters = match.get();
                        break;
                    }
                }
            }
            if (operation == null) {
                error(response, pathKnown ? 405 : 404, pathKnown ? "method_not_allowed" : "not_found",
                        pathKnown ? method + " is not allowed on " + path : "no agent API operation at " + path);
                return;
            }
            answer(response, call(operation, parameters, request, response));
        } catch (AgentDeskException e) {
            LOG.info("Agent API {} {} refused: {}", method, path, e.getMessage());
            Map<String, String> body = new java.util.LinkedHashMap<>();
            body.put("error", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            body.put("message", e.getMessage());
            if (e.field() != null) {
                body.put("field", e.field());
            }
            write(response, status(e.kind()), body);
        } catch (BadRequest e) {
            LOG.info("Agent API {} {}: {}", method, path, e.getMessage());
            error(response, e.status, e.error, e.getMessage());
        } catch (Exception e) {
            LOG.error("Agent API {} {} failed", method, path, e);
            error(response, 500, "internal", "the help desk could not do this; nothing was changed by a failed step");
        }
    }

    private Object call(Operation operation, Map<String, String> parameters, HttpServletRequest request,
                        HttpServletResponse response) throws Exception {
        JsonNode body = operation.changesState() ? readBody(request) : null;
        Map<String, String> query = new java.util.TreeMap<>();
        request.getParameterMap().forEach((name, values) -> query.put(name, values.length == 0 ? "" : values[0]));
        if (operation.signIn()) {
            return operation.handler().handle(new ApiCall(null, null, null, parameters, body, query));
        }
        String token = cookie.read(request);
        AgentSession session = sessions.find(token).orElseThrow(() ->
                new AgentDeskException(AgentDeskException.Kind.UNAUTHORIZED, "sign in first"));
        AgentAccount account = accounts.find(session.username()).orElseThrow(() ->
                new AgentDeskException(AgentDeskException.Kind.UNAUTHORIZED, "sign in first"));
        if (operation.changesState() && !AgentSessions.csrfMatches(session, request.getHeader(CSRF_HEADER))) {
            throw new BadRequest(403, "csrf", "a change needs the " + CSRF_HEADER + " header the sign-in gave");
        }
        if (account.mustChangePassword() && !operation.path().equals(AgentApi.PASSWORD)
                && !operation.path().equals(AgentApi.SIGN_OUT) && !operation.path().equals(AgentApi.ME)) {
            throw new BadRequest(403, "password_change_required",
                    "this account signed in with a one-time secret: choose a password first (" + AgentApi.PASSWORD + ")");
        }
        seen.accept(account.username());
        Object result = operation.handler().handle(new ApiCall(account, session, token, parameters, body, query));
        if (operation.path().equals(AgentApi.SIGN_OUT)) {
            cookie.clear(response);
        }
        return result;
    }

    private JsonNode readBody(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            // Also keeps plain cross-site form posts out: a browser sends JSON elsewhere only after a preflight.
            throw new BadRequest(415, "unsupported_media_type", "send the body as application/json");
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BadRequest(413, "too_large", "the body is over " + MAX_BODY_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode body = json.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (body == null || !body.isObject()) {
                throw new BadRequest(400, "malformed_json", "the body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, "malformed_json", "the body is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }

    private void answer(HttpServletResponse response, Object result) throws IOException {
        if (result instanceof SignedIn signedIn) {
            cookie.set(response, signedIn.token());
            result = signedIn.body();
        }
        int status = 200;
        if (result instanceof Operation.Answer answer) {
            status = answer.status();
            result = answer.body();
        }
        write(response, status, result);
    }

    private void error(HttpServletResponse response, int status, String error, String message) throws IOException {
        write(response, status, Map.of("error", error, "message", message));
    }

    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=utf-8");
        response.getOutputStream().write(json.writeValueAsBytes(body == null ? Map.of() : body));
    }

    private static int status(AgentDeskException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
    }

    /** What sign-in returns: the body for the page and the token for the cookie. */
    record SignedIn(String token, Object body) {
    }

    private static final class BadRequest extends RuntimeException {
        private final int status;
        private final String error;

        BadRequest(int status, String error, String message) {
            super(message);
            this.status = status;
            this.error = error;
        }
    }
}
