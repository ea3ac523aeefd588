package dev.switchboard.adapter.web;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.AgentSignal;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.OutboundSender;
import dev.switchboard.spi.SharedTopic;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code web} channel: the customer JSON API of the web chat widget and the mobile app, served by
 * {@link CustomerApiServlet} at {@code /api/help} and {@code /api/conversations/*}; the push streams of their
 * conversations ({@link PushServlet}, at {@code /api/conversations/{id}/events} and, for the app,
 * {@code /api/app/conversations/{id}/events}); the chat widget's scripts ({@link WidgetFilesServlet}) and the agents'
 * availability it shows ({@link AvailabilityServlet}). Pages of other sites reach the API only from the
 * {@link AllowedOrigins} of the server's setting and those the managers saved, with the look they saved
 * ({@link WidgetSettingsInForce}, following each save). Messages go to the help desk as channel {@code web-chat},
 * or {@code mobile-app} for a conversation the app opened with its install id, device profile HTML5.
 *
 * <p>Every message stored through the API and every agent's answer on either channel is told to every node through a
 * cluster-wide topic; the node holding the conversation's push streams sends them the new messages.
 */
public final class WebAdapter implements DeviceAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(WebAdapter.class);
    static final String TOPIC = "conversation-changed";
    static final String TYPING_TOPIC = "agent-typing";

    /** An agent typing in a conversation, as the cluster's topic carries it to the node that holds its streams. */
    record Typing(String conversationId, String author) {
    }

    private final Clock clock;
    private volatile AdapterHealth health = AdapterHealth.down("not started");
    private PushStreams streams;
    private SharedTopic.Subscription subscription;
    private SharedTopic.Subscription typingSubscription;
    private AvailabilityServlet availability;
    private WidgetSettingsInForce inForce;

    /** The adapter the gateway loads. */
    public WebAdapter() {
        this(Clock.systemUTC());
    }

    WebAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return "web";
    }

    @Override
    public String description() {
        return "Customer JSON API for the web chat widget and the mobile app (" + ApiRoute.HELP_PATH + ", "
                + ApiRoute.CONVERSATIONS_PATH + ") and the chat widget (" + WidgetFilesServlet.LOADER_PATH + ")";
    }

    @Override
    public void start(AdapterContext context) {
        WebApiSettings settings = WebApiSettings.from(context.settings());
        AllowedOrigins fromServer = AllowedOrigins.from(context.settings());
        inForce = new WidgetSettingsInForce(fromServer, context.widgetSettings());
        HelpRequestParser parser = new HelpRequestParser(settings.maxTextLength());
        InteractionFactory interactions = new InteractionFactory(clock);
        SignedCustomerIds signedIds = SignedCustomerIds.from(context.settings(), clock);
        streams = new PushStreams();
        SharedTopic<String> changed = context.sharedTopic(TOPIC);
        subscription = changed.subscribe(streams::changed);
        SharedTopic<Typing> typing = context.sharedTopic(TYPING_TOPIC);
        typingSubscription = typing.subscribe(news -> streams.typing(news.conversationId(), news.author()));
        HttpServlet push = new PushServlet(context.helpDesk(), streams, signedIds);
        HttpServlet api = new CustomerApiServlet(context.helpDesk(), parser, interactions, signedIds, changed::publish,
                push);
        context.mount(ApiRoute.HELP_PATH, new CrossOriginServlet(inForce, api));
        context.mount(ApiRoute.CONVERSATIONS_PATH + "/*", new CrossOriginServlet(inForce, api));
        context.mount(PushServlet.PATH + "/*", new CrossOriginServlet(inForce, push));
        availability = new AvailabilityServlet(context.agentsAvailable());
        context.mount(AvailabilityServlet.PATH, new CrossOriginServlet(inForce, availability));
        WidgetFilesServlet files = new WidgetFilesServlet(inForce, context.agentsAvailable());
        context.mount(WidgetFilesServlet.LOADER_PATH, files);
        context.mount(WidgetFilesServlet.FILES_PATH + "/*", files);
        OutboundSender sender = new OutboundSender() {
            @Override
            public void send(OutboundMessage message) {
                changed.publish(message.conversationId());
            }

            @Override
            public void signal(String conversationId, AgentSignal signal) {
                switch (signal.kind()) {
                    case TYPING -> typing.publish(new Typing(conversationId, signal.author()));
                    case READ -> changed.publish(conversationId);
                }
            }
        };
        context.sendsOn(Channel.WEB_CHAT, sender);
        context.sendsOn(Channel.MOBILE_APP, sender);
        LOG.info("web API at {} and {}/*, texts up to {} characters, bodies up to {} bytes; widget at {} ({}); "
                        + "pages of {} allowed by the server's setting, {} saved by the managers; signed customer ids {}",
                ApiRoute.HELP_PATH, ApiRoute.CONVERSATIONS_PATH,
                settings.maxTextLength(), JsonRequestBody.MAX_BYTES, WidgetFilesServlet.LOADER_PATH,
                WidgetFilesServlet.built() ? "built" : "not built", fromServer.origins().isEmpty() ? "no other site"
                        : fromServer.origins(), inForce.look().allowedOrigins(),
                signedIds.enabled() ? "taken" : "off (no " + SignedCustomerIds.SECRET_KEY + ")");
        health = AdapterHealth.up("serving " + ApiRoute.HELP_PATH + " and " + ApiRoute.CONVERSATIONS_PATH);
    }

    /** The push and availability streams end at once: a client opens its stream again, on another node if need be. */
    @Override
    public void stopping() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (typingSubscription != null) {
            typingSubscription.close();
            typingSubscription = null;
        }
        if (streams != null) {
            streams.close();
        }
        if (availability != null) {
            availability.close();
        }
        if (inForce != null) {
            inForce.close();
        }
    }

    @Override
    public void stop() {
        stopping();
        health = AdapterHealth.down("stopped");
    }

    @Override
    public AdapterHealth health() {
        return health;
    }
}
