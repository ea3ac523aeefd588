package dev.switchboard.adapter.twilio;

import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import dev.switchboard.spi.VoiceDialer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places the help desk's call backs with Twilio's Calls API ({@code Call.creator(to, from, twiml)}): Twilio rings
 * the customer from the help number and, when he answers, connects him to the agent's phone or puts him in the
 * queue ({@link VoiceTwiml#callBack}). The call's progress comes back to {@code /twilio/voice/status}, whose URL
 * names the conversation. Thread-safe.
 */
final class CallBackDialer implements VoiceDialer {
    /** The call's events Twilio reports; only the end is logged in the thread. */
    static final List<String> EVENTS = List.of("initiated", "ringing", "answered", "completed");
    private static final Logger LOG = LoggerFactory.getLogger(CallBackDialer.class);

    private final TwilioRestClient client;
    private final TwilioSettings settings;

    CallBackDialer(TwilioSettings settings, TwilioRestClient client) {
        this.settings = settings;
        this.client = client;
    }

    @Override
    public String dial(CallBack call) {
        String twiml = VoiceTwiml.callBack(call.agentNumber(), call.agentName(), settings.voice().queue());
        try {
            Call placed = Call.creator(new PhoneNumber(call.customer().value()),
                            new PhoneNumber(settings.from().value()), new Twiml(twiml))
                    .setStatusCallback(settings.publicAddress(CallStatusServlet.PATH) + "?"
                            + CallStatusCallback.query(call.conversationId()))
                    .setStatusCallbackEvent(EVENTS)
                    .setStatusCallbackMethod(HttpMethod.POST)
                    .create(client);
            LOG.info("Calling {} back for conversation {} ({}): call {}", call.customer().value(),
                    call.conversationId(), call.agentNumber() == null ? "to the queue '" + settings.voice().queue()
                            + "'" : "to agent " + call.agentNumber().value(), placed.getSid());
            return placed.getSid();
        } catch (TwilioException e) {
            String reason = TwilioRefusal.reason(e);
            LOG.warn("Could not call {} back for conversation {}: {}", call.customer().value(), call.conversationId(),
                    reason);
            throw new IllegalStateException("Twilio did not place the call to " + call.customer().value() + ": "
                    + reason, e);
        }
    }
}
