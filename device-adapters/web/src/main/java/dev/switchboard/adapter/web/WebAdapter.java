package dev.switchboard.adapter.web;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.OutboundSender;
import dev.switchboard.spi.DeviceAdapter;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code web} channel: the customer JSON API of the web chat widget and the mobile app, served by
 * {@link CustomerApiServlet} at {@code /api/help} and {@code /api/conversations/*}. Messages go to the
 * help desk as channel {@code web-chat}, or {@code mobile-app} for a conversation the app opened with its
 * install id (adapter {@code mobile} carries agents' answers to it), device profile HTML5.
 */
public final class WebAdapter implements DeviceAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(WebAdapter.class);

    private final Clock clock;
    private volatile AdapterHealth health = AdapterHealth.down("not started");

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
                + ApiRoute.CONVERSATIONS_PATH + ")";
    }

    @Override
    public void start(AdapterContext context) {
        WebApiSettings settings = WebApiSettings.from(context.settings());
        HelpRequestParser parser = new HelpRequestParser(settings.maxTextLength());
        InteractionFactory interactions = new InteractionFactory(clock);
        context.mount(ApiRoute.HELP_PATH, new CustomerApiServlet(context.helpDesk(), parser, interactions));
        context.mount(ApiRoute.CONVERSATIONS_PATH + "/*",
                new CustomerApiServlet(context.helpDesk(), parser, interactions));
        context.sendsOn(Channel.WEB_CHAT, OutboundSender.readFromThread());
        LOG.info("web API at {} and {}/*, texts up to {} characters, bodies up to {} bytes", ApiRoute.HELP_PATH,
                ApiRoute.CONVERSATIONS_PATH, settings.maxTextLength(), JsonRequestBody.MAX_BYTES);
        health = AdapterHealth.up("serving " + ApiRoute.HELP_PATH + " and " + ApiRoute.CONVERSATIONS_PATH);
    }

    @Override
    public void stop() {
        health = AdapterHealth.down("stopped");
    }

    @Override
    public AdapterHealth health() {
        return health;
    }
}
