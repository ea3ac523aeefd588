package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.CallReport;
import dev.switchboard.spi.HelpDesk;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /twilio/voice/status}: Twilio's status callbacks for calls, signed like every webhook. When a call
 * has ended (completed, busy, no-answer, failed, canceled) it is logged in the customer's thread through
 * {@link HelpDesk#reportCall}: a call back in the conversation its URL names, a call to the help number in the
 * conversation its call was kept in. Earlier statuses are only logged here. Answered 204; a callback that
 * cannot be read 400; one the help desk cannot take now 503.
 */
final class CallStatusServlet extends SignedWebhookServlet {
    static final String PATH = "/twilio/voice/status";
    private static final Logger LOG = LoggerFactory.getLogger(CallStatusServlet.class);

    private final transient HelpDesk helpDesk;
    private final transient IncomingCalls incomingCalls;
    private final transient Clock clock;

    CallStatusServlet(WebhookSignature signature, HelpDesk helpDesk, IncomingCalls incomingCalls, Clock clock) {
        super(signature);
        this.helpDesk = helpDesk;
        this.incomingCalls = incomingCalls;
        this.clock = clock;
    }

    @Override
    void handleSigned(Map<String, String> form, Map<String, String> query, HttpServletResponse response)
            throws IOException {
        CallStatusCallback callback;
        try {
            callback = CallStatusCallback.parse(form, query);
        } catch (InvalidCallException e) {
            answerNotUnderstood(response, "Twilio call status callback", e.getMessage());
            return;
        }
        Optional<CallReport> report = callback.report(clock);
        if (report.isEmpty()) {
            LOG.info("Call {} ({}) is {}{}", callback.callSid(), callback.direction(), callback.status(),
                    callback.customer() == null ? ", from a withheld number: not logged" : "");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        try {
            String conversationId = callback.conversationId() != null ? callback.conversationId()
                    : incomingCalls.conversationOf(callback.callSid(), callback.customer());
            helpDesk.reportCall(conversationId, report.get());
            LOG.info("Call {} ({}, {}) ended {}{}, logged in conversation {}", callback.callSid(),
                    callback.direction(), callback.customer().value(), callback.status(),
                    report.get().duration() == null ? "" : " after " + report.get().duration().toSeconds() + " s",
                    conversationId);
        } catch (RuntimeException e) {
            LOG.error("Call {} ended {} but could not be logged in the thread: {}", callback.callSid(),
                    callback.status(), e.toString(), e);
            answerUnavailable(response, "call reports");
            return;
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
