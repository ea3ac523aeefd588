package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceAdapter;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code twilio} channel: SMS, MMS and calls through Twilio. Twilio's webhook {@code /twilio/sms} brings
 * each message (signature checked) to the help desk as channel {@code sms}, profile {@code twiml}, and the
 * answer goes back at once as TwiML; {@code /twilio/status} takes the status callbacks of the messages we send
 * and hands them to the help desk ({@link DeliveryReports}); {@link TwilioMessages} sends later answers through
 * the REST API. Calls: {@link CallBackDialer} places the call backs customers ask for, {@code /twilio/voice}
 * answers the help number with a menu ({@link IncomingCallServlet}), and {@code /twilio/voice/status} logs how
 * each call ended in the customer's thread ({@link CallStatusServlet}); an agent's answer to a caller is texted
 * to him from the help number.
 *
 * <p>Without an account SID, auth token and sender number the channel is off: nothing is mounted and
 * {@code /health} shows it OFF, without taking the gateway down.
 */
public final class TwilioAdapter implements DeviceAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioAdapter.class);

    private final Clock clock;
    private volatile AdapterHealth health = AdapterHealth.down("not started");
    private volatile TwilioMessages messages;
    private volatile CallBackDialer dialer;

    /** The adapter the gateway loads. */
    public TwilioAdapter() {
        this(Clock.systemUTC());
    }

    TwilioAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return "twilio";
    }

    @Override
    public String description() {
        return "SMS, MMS and calls through Twilio (" + SmsWebhookServlet.PATH + ", " + StatusCallbackServlet.PATH + ", "
                + IncomingCallServlet.PATH + ", " + CallStatusServlet.PATH + ")";
    }

    @Override
    public void start(AdapterContext context) {
        Optional<TwilioSettings> configured = TwilioSettings.from(context.settings());
        if (configured.isEmpty()) {
            health = AdapterHealth.off("off: not configured (set " + TwilioSettings.variable(TwilioSettings.ACCOUNT_SID)
                    + ", " + TwilioSettings.variable(TwilioSettings.AUTH_TOKEN) + ", "
                    + TwilioSettings.variable(TwilioSettings.FROM) + " and "
                    + TwilioSettings.variable(TwilioSettings.PUBLIC_URL) + ")");
            LOG.info("Twilio channel {}", health.detail());
            return;
        }
        TwilioSettings settings = configured.get();
        WebhookSignature signature = new WebhookSignature(settings);
        context.mount(SmsWebhookServlet.PATH,
                new SmsWebhookServlet(signature, context.helpDesk(), context.renderer(), clock, settings.voice()));
        context.mount(StatusCallbackServlet.PATH,
                new StatusCallbackServlet(signature, new DeliveryReports(context.helpDesk())));
        IncomingCalls incomingCalls = new IncomingCalls(context.helpDesk(), settings.voice(), clock);
        context.mount(IncomingCallServlet.PATH, IncomingCallServlet.callComesIn(signature, incomingCalls, settings));
        context.mount(IncomingCallServlet.MENU_PATH, IncomingCallServlet.menuChoice(signature, incomingCalls, settings));
        context.mount(CallStatusServlet.PATH, new CallStatusServlet(signature, context.helpDesk(), incomingCalls, clock));
        messages = new TwilioMessages(settings);
        TwilioTexts texts = new TwilioTexts(messages, context.renderer());
        if (context.settings().isSmsSender(id())) {
            context.sendsOn(Channel.SMS, texts);
            context.textsPhonesWith(texts::textOutsideConversation);
        }
        // A caller can be answered later only in writing: by a text from the number he called.
        context.sendsOn(Channel.VOICE, texts);
        dialer = new CallBackDialer(settings, settings.restClient());
        context.dialsWith(dialer);
        LOG.info("Twilio channel on: webhooks {}, {}, {}, {} and {} signed for {}; texts sent and calls placed from {}"
                        + " through {}; callers wait in queue '{}'", SmsWebhookServlet.PATH, StatusCallbackServlet.PATH,
                IncomingCallServlet.PATH, IncomingCallServlet.MENU_PATH, CallStatusServlet.PATH, settings.publicUrl(),
                settings.from().value(), settings.apiBaseUrl(), settings.voice().queue());
        health = AdapterHealth.up("webhooks at " + settings.publicAddress(SmsWebhookServlet.PATH) + ", "
                + StatusCallbackServlet.PATH + ", " + IncomingCallServlet.PATH + " and " + CallStatusServlet.PATH
                + ", sending and calling from " + settings.from().value());
    }

    /** The dialer of call backs, once the channel is on; empty while it is off. */
    Optional<CallBackDialer> dialer() {
        return Optional.ofNullable(dialer);
    }

    /** The REST client for answers sent later, once the channel is on; empty while it is off. */
    Optional<TwilioMessages> messages() {
        return Optional.ofNullable(messages);
    }

    @Override
    public void stop() {
        if (health.status() != AdapterHealth.Status.OFF) {
            health = AdapterHealth.down("stopped");
        }
    }

    @Override
    public AdapterHealth health() {
        return health;
    }
}
