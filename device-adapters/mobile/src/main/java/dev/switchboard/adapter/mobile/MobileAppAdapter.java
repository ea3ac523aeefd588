package dev.switchboard.adapter.mobile;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.FrontEnd;
import dev.switchboard.spi.SharedTopic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code mobile} channel: serves the browser build of the Cordova app ({@code mobile-app/}, built by the
 * Maven build with the Cordova CLI) at {@value #PATH}, on the same origin as the customer JSON API the app
 * talks to (adapter {@code web}), and the app's push connection at {@value AppPushServlet#PATH}{@code /{id}/events}.
 * The app's messages reach the hub through that API with its install id, as channel {@code mobile-app} with
 * the phone's location; on Android the app is installed and talks to the gateway's public address instead.
 *
 * <p>An agent's answer on channel {@code mobile-app} is already in the thread when it is handed over; the
 * adapter tells every node through a cluster-wide topic that the conversation changed, and the node holding
 * the app's push connection sends it the new messages.
 */
public final class MobileAppAdapter implements DeviceAdapter {
    static final String PATH = "/app/";
    static final String APP_DIR_KEY = "switchboard.mobile.app-dir";
    private static final Logger LOG = LoggerFactory.getLogger(MobileAppAdapter.class);

    static final String TOPIC = "conversation-changed";

    private volatile AdapterHealth health = AdapterHealth.down("not started");
    private PushStreams streams;
    private SharedTopic.Subscription subscription;

    @Override
    public String id() {
        return "mobile";
    }

    @Override
    public String description() {
        return "The Cordova app's browser build at " + PATH;
    }

    @Override
    public void start(AdapterContext context) {
        Path root = Path.of(context.settings().get(APP_DIR_KEY)
                .orElseThrow(() -> new IllegalStateException("setting " + APP_DIR_KEY + " is missing")));
        context.mount(PATH + "*", new StaticFilesServlet(root, PATH));
        streams = new PushStreams();
        SharedTopic<String> changed = context.sharedTopic(TOPIC);
        subscription = changed.subscribe(streams::changed);
        context.mount(AppPushServlet.PATH + "/*", new AppPushServlet(context.helpDesk(), streams));
        context.sendsOn(Channel.MOBILE_APP, message -> changed.publish(message.conversationId()));
        boolean built = Files.isRegularFile(root.resolve("index.html"));
        if (built) {
            LOG.info("mobile app at {} from {}", PATH, root.toAbsolutePath());
        } else {
            LOG.info("mobile app not built at {}: {} says how to build it", root.toAbsolutePath(), PATH);
        }
        // Up either way: a missing browser build does not stop any customer from reaching the help desk.
        health = AdapterHealth.up(built ? "serving " + root.toAbsolutePath() : "app not built at " + root.toAbsolutePath());
    }

    /** The apps' push streams end at once: an app opens its stream again, on another node if this one is gone. */
    @Override
    public void stopping() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (streams != null) {
            streams.close();
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

    @Override
    public List<FrontEnd> frontEnds() {
        return List.of(new FrontEnd(PATH, "Mobile app (browser build)",
                "The Cordova app a mobile user installs: ask for help, share your location, see the nearest service points."));
    }
}
