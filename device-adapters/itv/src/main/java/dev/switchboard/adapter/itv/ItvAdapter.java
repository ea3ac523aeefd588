package dev.switchboard.adapter.itv;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.FrontEnd;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code itv} channel: serves the HbbTV help overlay (the {@code itv-app} folder) at {@code /tv/} with
 * {@link TvAppServlet} and takes its questions and requests at {@code /tv/api/} with {@link TvApiServlet}.
 * Messages go to the help desk as channel {@code tv}, device profile HbbTV, from the box's set-top id.
 */
public final class ItvAdapter implements DeviceAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ItvAdapter.class);

    private final Clock clock;
    private volatile AdapterHealth health = AdapterHealth.down("not started");

    /** The adapter the gateway loads. */
    public ItvAdapter() {
        this(Clock.systemUTC());
    }

    ItvAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return "itv";
    }

    @Override
    public String description() {
        return "Interactive-TV help overlay for HbbTV set-top boxes (" + TvAppServlet.APP_PATH + ", "
                + TvApiServlet.API_PATH + "/)";
    }

    @Override
    public void start(AdapterContext context) {
        TvAppFiles files = TvAppFiles.fromClasspath();
        context.mount(TvApiServlet.API_PATH + "/*", new TvApiServlet(context.helpDesk(), new TvInteractions(clock)));
        context.mount(TvAppServlet.APP_PATH + "*", new TvAppServlet(files));
        LOG.info("TV overlay at {} ({} files, {} bytes), its API at {}/", TvAppServlet.APP_PATH, files.count(),
                files.totalBytes(), TvApiServlet.API_PATH);
        health = AdapterHealth.up("serving " + TvAppServlet.APP_PATH);
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
        return List.of(new FrontEnd(TvAppServlet.APP_PATH, "TV help overlay",
                "The HbbTV app a viewer opens with the red key; in a browser, use R G Y B, arrows, Enter, digits, Backspace."));
    }
}
