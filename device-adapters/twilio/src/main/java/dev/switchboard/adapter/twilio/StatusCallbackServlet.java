package dev.switchboard.adapter.twilio;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code POST /twilio/status}: Twilio's status callbacks for the messages we send, signed like every webhook.
 * Each valid one is handed to the consumer given ({@link DeliveryReports}); answered 204, which Twilio takes as
 * received. A callback
 * that cannot be read is logged and answered 400: Twilio shows it in its debugger.
 */
final class StatusCallbackServlet extends SignedWebhookServlet {
    static final String PATH = "/twilio/status";

    private final transient Consumer<StatusCallback> statuses;

    StatusCallbackServlet(WebhookSignature signature, Consumer<StatusCallback> statuses) {
        super(signature);
        this.statuses = statuses;
    }

    @Override
    void handleSigned(Map<String, String> form, Map<String, String> query, HttpServletResponse response)
            throws IOException {
        StatusCallback callback;
        try {
            callback = StatusCallback.parse(form, query);
        } catch (StatusCallback.InvalidCallbackException e) {
            answerNotUnderstood(response, "Twilio status callback", e.getMessage());
            return;
        }
        statuses.accept(callback);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
