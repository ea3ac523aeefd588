package dev.switchboard.adapter.wap;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.FrontEnd;
import dev.switchboard.spi.OutboundSender;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code wap} channel: phones browsing through their operator's WAP gateway get WML 1.1 decks, WAP 2.0
 * browsers XHTML-MP pages and every other browser HTML5 pages, at {@value #PATH}. Messages go to the help
 * desk as channel {@code wap}; sessions travel in the URL and live in a map the cluster shares.
 */
public final class WapAdapter implements DeviceAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(WapAdapter.class);
    static final String PATH = "/wap";

    private final Clock clock;
    private volatile AdapterHealth health = AdapterHealth.down("not started");

    /** The adapter the gateway loads. */
    public WapAdapter() {
        this(Clock.systemUTC());
    }

    WapAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return "wap";
    }

    @Override
    public String description() {
        return "WAP phones: WML 1.1 decks, XHTML-MP and HTML5 pages (" + PATH + ")";
    }

    @Override
    public void start(AdapterContext context) {
        WapSettings settings = WapSettings.from(context.settings());
        WapSessions sessions = new WapSessions(context.sharedMap("sessions", settings.sessionTimeToLive()),
                context.sharedMap("subscriber-tokens", settings.subscriberMemory()));
        OperatorHeaders operator = new OperatorHeaders(settings.msisdnHeaders(), settings.trustedGateways(),
                settings.locationHeader());
        context.sendsOn(Channel.WAP, OutboundSender.readFromThread());
        context.mount(PATH + "/*", new WapServlet(context.helpDesk(), context.renderer(), sessions, operator, settings, clock,
                context::phoneTexter));
        LOG.info("WAP pages at {}, decks up to {} bytes, MSISDN headers {} trusted from {}", PATH,
                settings.deckBudgetBytes(), settings.msisdnHeaders(),
                settings.trustedGateways().isEmpty() ? "nowhere" : settings.trustedGateways());
        health = AdapterHealth.up("serving " + PATH);
    }

    @Override
    public void stop() {
        health = AdapterHealth.down("stopped");
    }

    @Override
    public AdapterHealth health() {
        return health;
    }

    @Override
    public List<FrontEnd> frontEnds() {
        return List.of(new FrontEnd(PATH, "WAP help",
                "For phones: WML decks, XHTML-MP pages, or HTML5 (add ?profile=wml to see a deck)"));
    }
}
