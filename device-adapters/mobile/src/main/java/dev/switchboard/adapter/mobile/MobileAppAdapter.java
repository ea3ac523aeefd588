package dev.switchboard.adapter.mobile;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.FrontEnd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code mobile} channel's pages: serves the browser build of the Cordova app ({@code mobile-app/}, built by the
 * Maven build with the Cordova CLI) at {@value #PATH}, on the same origin as the customer JSON API the app
 * talks to (adapter {@code web}, which also serves the app's push connection and carries agents' answers on channel
 * {@code mobile-app} to it). The app's messages reach the hub through that API with its install id, as channel
 * {@code mobile-app} with the phone's location; on Android the app is installed and talks to the gateway's public
 * address instead, from an origin listed in {@code switchboard.widget.allowed-origins}.
 */
public final class MobileAppAdapter implements DeviceAdapter {
    static final String PATH = "/app/";
    static final String APP_DIR_KEY = "switchboard.mobile.app-dir";
    private static final Logger LOG = LoggerFactory.getLogger(MobileAppAdapter.class);

    private volatile AdapterHealth health = AdapterHealth.down("not started");

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
        boolean built = Files.isRegularFile(root.resolve("index.html"));
        if (built) {
            LOG.info("mobile app at {} from {}", PATH, root.toAbsolutePath());
        } else {
            LOG.info("mobile app not built at {}: {} says how to build it", root.toAbsolutePath(), PATH);
        }
        // Up either way: a missing browser build does not stop any customer from reaching the help desk.
        health = AdapterHealth.up(built ? "serving " + root.toAbsolutePath() : "app not built at " + root.toAbsolutePath());
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
        return List.of(new FrontEnd(PATH, "Mobile app (browser build)",
                "The Cordova app a mobile user installs: ask for help, share your location, see the nearest service points."));
    }
}
