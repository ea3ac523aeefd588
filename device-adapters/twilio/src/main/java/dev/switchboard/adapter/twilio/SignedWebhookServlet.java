package dev.switchboard.adapter.twilio;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook Twilio calls with a signed form POST. A request whose body is not a form gets 400; one whose
 * {@code X-Twilio-Signature} is missing or wrong gets 403 and a log line; neither goes further. Only a request
 * Twilio signed reaches {@link #handleSigned}.
 */
abstract class SignedWebhookServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(SignedWebhookServlet.class);

    private final transient WebhookSignature signature;

    SignedWebhookServlet(WebhookSignature signature) {
        this.signature = signature;
    }

    /**
     * Answers a request Twilio signed, with its form parameters and its query's (which the signature covers
     * too: they are the ones we gave Twilio in the URL to call).
     */
    abstract void handleSigned(Map<String, String> form, Map<String, String> query, HttpServletResponse response)
            throws IOException;

    @Override
    protected final void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        Map<String, String> form;
        Map<String, String> query;
        try {
            form = FormBody.read(request);
            query = FormBody.parse(request.getQueryString() == null ? "" : request.getQueryString());
        } catch (FormBody.MalformedFormException e) {
            LOG.warn("Twilio webhook {} from {} refused, not a Twilio form: {}", path, request.getRemoteAddr(),
                    e.getMessage());
            answer(response, HttpServletResponse.SC_BAD_REQUEST, "text/plain; charset=UTF-8",
                    "Bad request: " + e.getMessage() + "\n");
            return;
        }
        String presented = request.getHeader(WebhookSignature.HEADER);
        if (!signature.isValid(path, request.getQueryString(), form, presented)) {
            LOG.warn("Twilio webhook {} from {} refused, not processed: {} {} for {} (MessageSid {})", path,
                    request.getRemoteAddr(), WebhookSignature.HEADER,
                    presented == null || presented.isBlank() ? "is missing" : "does not match",
                    signature.signedUrl(path, request.getQueryString()), form.getOrDefault("MessageSid", "none"));
            answer(response, HttpServletResponse.SC_FORBIDDEN, "text/plain; charset=UTF-8",
                    "Forbidden: the request is not signed by Twilio for this address\n");
            return;
        }
        handleSigned(form, query, response);
    }

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "text/plain; charset=UTF-8",
                "Twilio webhooks are POSTed\n");
    }

    /** A signed webhook we cannot read: 400 with the reason, which Twilio shows in its debugger, and a log line. */
    static void answerNotUnderstood(HttpServletResponse response, String what, String reason) throws IOException {
        LOG.warn("{} not understood: {}", what, reason);
        answer(response, HttpServletResponse.SC_BAD_REQUEST, "text/plain; charset=UTF-8", "Bad request: " + reason + "\n");
    }

    /** The help desk could not take what a webhook brought: 503, so that Twilio reports it (or tries a fallback URL). */
    static void answerUnavailable(HttpServletResponse response, String what) throws IOException {
        answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "text/plain; charset=UTF-8",
                "The help desk cannot take " + what + " right now\n");
    }

    static void answer(HttpServletResponse response, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
