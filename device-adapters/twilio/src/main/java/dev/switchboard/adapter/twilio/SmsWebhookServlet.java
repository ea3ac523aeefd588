package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ReplyRenderer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /twilio/sms}: Twilio's webhook for an incoming SMS or MMS. The message goes to the help desk as
 * channel {@code sms}, profile {@code twiml}, keyed by its MessageSid (so a retried webhook is processed once and
 * answered as the first time), and the reply goes back at once as TwiML for Twilio to send. A text that is one
 * of the call-back keywords ({@code CALL}) carries a request to call the sender back.
 *
 * <p>A signed webhook that is not a message we can take (no MessageSid, no From, a From that is not a phone
 * number) is logged and answered with an empty TwiML response: Twilio accepts it and sends nothing, as there
 * is nobody to tell. A message the help desk refuses (too long) is answered with the reason, as TwiML; one it
 * cannot take now (it failed) gets 503, so that Twilio tries the number's fallback URL and reports it.
 */
final class SmsWebhookServlet extends SignedWebhookServlet {
    static final String PATH = "/twilio/sms";
    /** TwiML's content type as Twilio documents it. */
    static final String TWIML = "text/xml; charset=UTF-8";
    /** TwiML that sends nothing. */
    static final String NOTHING_TO_SEND = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response/>\n";

    private static final Logger LOG = LoggerFactory.getLogger(SmsWebhookServlet.class);

    private final transient HelpDesk helpDesk;
    private final transient ReplyRenderer renderer;
    private final transient Clock clock;
    private final TwilioSettings.Voice voice;

    SmsWebhookServlet(WebhookSignature signature, HelpDesk helpDesk, ReplyRenderer renderer, Clock clock,
                      TwilioSettings.Voice voice) {
        super(signature);
        this.helpDesk = helpDesk;
        this.renderer = renderer;
        this.clock = clock;
        this.voice = voice;
    }

    @Override
    void handleSigned(Map<String, String> form, Map<String, String> query, HttpServletResponse response)
            throws IOException {
        InboundMessage message;
        try {
            message = InboundMessage.parse(form);
        } catch (InboundMessage.InvalidMessageException e) {
            LOG.warn("Twilio message {} not taken: {}; answered with empty TwiML",
                    form.getOrDefault("MessageSid", "without MessageSid"), e.getMessage());
            answer(response, HttpServletResponse.SC_OK, TWIML, NOTHING_TO_SEND);
            return;
        }
        Interaction interaction = new Interaction(message.messageSid(), Channel.SMS, DeviceProfile.TWIML,
                message.from(), message.text(), DeviceContext.EMPTY, clock.instant());
        if (message.media().isEmpty() && voice.asksForCallBack(message.body())) {
            interaction = interaction.withRequest(ContactRequest.callBack(message.from()));
        }
        String twiml;
        try {
            Outcome outcome = helpDesk.submit(interaction, null);
            twiml = outcome.rendered().body();
            if (outcome.duplicate()) {
                LOG.info("Twilio message {} was a retry: answered as the first time, not processed again",
                        message.messageSid());
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("Twilio message {} refused by the help desk: {}", message.messageSid(), e.getMessage());
            twiml = renderer.render(DeviceProfile.TWIML, Reply.error(e.getMessage())).body();
        } catch (RuntimeException e) {
            // Nothing was stored: a 5xx makes Twilio try the number's fallback URL and report the failure.
            LOG.error("Twilio message {} could not be taken, nothing stored: {}", message.messageSid(), e.toString(), e);
            answerUnavailable(response, "messages");
            return;
        }
        answer(response, HttpServletResponse.SC_OK, TWIML, twiml);
    }
}
