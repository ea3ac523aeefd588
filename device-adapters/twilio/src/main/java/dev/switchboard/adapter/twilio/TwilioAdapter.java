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
 * The {@code twilio} channel: SMS and MMS through Twilio. Twilio's webhook {@code /twilio/sms} brings each
 * message (signature checked) to the help desk as channel {@code sms}, profile {@code twiml}, and the answer
 * goes back at once as TwiML; {@code /twilio/status} takes the status callbacks of the messages we send and
 * hands them to the help desk ({@link DeliveryReports});
 * {@link TwilioMessages} sends later answers through the REST API.
 *
 * <p>Without an account SID, auth token and sender number the channel is off: nothing is mounted and
 * {@code /health} shows it OFF, without taking the gateway down.
 */
public final class TwilioAdapter implements DeviceAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioAdapter.class);

    private final Clock clock;
    private volatile AdapterHealth health = AdapterHealth.down("not started");
    private volatile TwilioMessages messages;

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
        return "SMS and MMS through Twilio (" + SmsWebhookServlet.PATH + ", " + StatusCallbackServlet.PATH + ")";
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
                new SmsWebhookServlet(signature, context.helpDesk(), context.renderer(), clock));
        context.mount(StatusCallbackServlet.PATH,
                new StatusCallbackServlet(signature, new DeliveryReports(context.helpDesk())));
        messages = new TwilioMessages(settings);
        if (context.settings().isSmsSender(id())) {
            context.sendsOn(Channel.SMS, new TwilioTexts(messages, context.renderer()));
        }
        LOG.info("Twilio channel on: webhooks {} and {} signed for {}, texts sent from {} through {}",
                SmsWebhookServlet.PATH, StatusCallbackServlet.PATH, settings.publicUrl(), settings.from().value(),
                settings.apiBaseUrl());
        health = AdapterHealth.up("webhooks at " + settings.publicAddress(SmsWebhookServlet.PATH) + " and "
                + StatusCallbackServlet.PATH + ", sending from " + settings.from().value());
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
