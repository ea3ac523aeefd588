package dev.switchboard.adapter.twilio;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /twilio/voice} (the help number's "a call comes in" webhook) and {@code POST /twilio/voice/menu}
 * (where the menu posts the key pressed). A call is kept in the caller's thread, then answered with the menu:
 * 1 texts him a link to the help pages, 2 puts him in the queue for an agent, anything else repeats the menu.
 *
 * <p>A caller who withholds his number is told to call showing it, and nothing is kept. A webhook without a
 * CallSid gets 400; one the help desk cannot take now gets 503, so that Twilio tries the number's fallback URL.
 */
final class IncomingCallServlet extends SignedWebhookServlet {
    static final String PATH = "/twilio/voice";
    static final String MENU_PATH = "/twilio/voice/menu";
    private static final Logger LOG = LoggerFactory.getLogger(IncomingCallServlet.class);

    private final transient IncomingCalls calls;
    private final String queue;
    private final String menuAction;
    private final boolean menuChoice;

    private IncomingCallServlet(WebhookSignature signature, IncomingCalls calls, TwilioSettings settings,
                                boolean menuChoice) {
        super(signature);
        this.calls = calls;
        this.queue = settings.voice().queue();
        this.menuAction = settings.publicAddress(MENU_PATH);
        this.menuChoice = menuChoice;
    }

    /** The webhook of a call coming in, at {@link #PATH}. */
    static IncomingCallServlet callComesIn(WebhookSignature signature, IncomingCalls calls, TwilioSettings settings) {
        return new IncomingCallServlet(signature, calls, settings, false);
    }

    /** The menu's choice, at {@link #MENU_PATH}. */
    static IncomingCallServlet menuChoice(WebhookSignature signature, IncomingCalls calls, TwilioSettings settings) {
        return new IncomingCallServlet(signature, calls, settings, true);
    }

    @Override
    void handleSigned(Map<String, String> form, Map<String, String> query, HttpServletResponse response)
            throws IOException {
        IncomingCall call;
        try {
            call = IncomingCall.parse(form);
        } catch (InvalidCallException e) {
            answerNotUnderstood(response, "Twilio voice webhook", e.getMessage());
            return;
        }
        if (call.from() == null) {
            LOG.info("Call {} from a withheld number ('{}'): asked to call showing it, not kept", call.callSid(),
                    form.getOrDefault("From", ""));
            answer(response, HttpServletResponse.SC_OK, SmsWebhookServlet.TWIML, VoiceTwiml.numberWithheld());
            return;
        }
        String twiml;
        try {
            twiml = menuChoice ? choose(call, form.getOrDefault("Digits", "").trim()) : callComesIn(call);
        } catch (RuntimeException e) {
            LOG.error("Call {} from {} could not be taken: {}", call.callSid(), call.from().value(), e.toString(), e);
            answerUnavailable(response, "calls");
            return;
        }
        answer(response, HttpServletResponse.SC_OK, SmsWebhookServlet.TWIML, twiml);
    }

    private String callComesIn(IncomingCall call) {
        String conversationId = calls.conversationOf(call.callSid(), call.from());
        LOG.info("Call {} from {} to the help number, in conversation {}: menu offered", call.callSid(),
                call.from().value(), conversationId);
        return VoiceTwiml.menu(menuAction);
    }

    private String choose(IncomingCall call, String digits) {
        switch (digits) {
            case "1" -> {
                calls.textHelpLink(call.callSid(), call.from());
                LOG.info("Call {} from {}: pressed 1, the link to the help pages is texted", call.callSid(),
                        call.from().value());
                return VoiceTwiml.linkTexted();
            }
            case "2" -> {
                calls.askForAgent(call.callSid(), call.from());
                LOG.info("Call {} from {}: pressed 2, waits in queue '{}'", call.callSid(), call.from().value(), queue);
                return VoiceTwiml.waitForAgent(queue);
            }
            default -> {
                LOG.info("Call {} from {}: pressed '{}', menu repeated", call.callSid(), call.from().value(), digits);
                return VoiceTwiml.menu(menuAction);
            }
        }
    }
}
