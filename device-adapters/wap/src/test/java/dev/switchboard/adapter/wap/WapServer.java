package dev.switchboard.adapter.wap;

import dev.switchboard.render.VelocityReplyRenderer;
import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.PhoneTexter;
import dev.switchboard.spi.ReplyRenderer;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The WAP adapter started the way the gateway starts it, served by an embedded Jetty on a free port of
 * 127.0.0.1, with the real templates, in front of a {@link RecordingHelpDesk}. Settings are the gateway's
 * defaults (read from its {@code switchboard.properties}) with the test's overrides.
 */
final class WapServer implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final Path DEFAULTS = Path.of("../../gateway-routes/app/src/main/resources/switchboard.properties");

    final RecordingHelpDesk helpDesk = new RecordingHelpDesk();
    final Map<String, ConcurrentMap<String, ?>> sharedMaps = new ConcurrentHashMap<>();
    private final WapAdapter adapter;
    private final PhoneTexter texter;
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    /** The adapter at a fixed time, with no SMS channel on. */
    WapServer(Map<String, String> overrides) throws Exception {
        this(overrides, Clock.fixed(NOW, ZoneOffset.UTC), null);
    }

    /**
     * @param clock  the adapter's clock
     * @param texter the SMS channel's way to text a phone outside any conversation, or {@code null} for none
     */
    WapServer(Map<String, String> overrides, Clock clock, PhoneTexter texter) throws Exception {
        this.adapter = new WapAdapter(clock);
        this.texter = texter;
        Map<String, String> settings = defaults();
        settings.putAll(overrides);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        server.setHandler(handler);
        adapter.start(new TestContext(helpDesk, key -> Optional.ofNullable(settings.get(key)), handler));
        server.start();
    }

    URI origin() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private static Map<String, String> defaults() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(DEFAULTS, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    @Override
    public void close() throws Exception {
        adapter.stop();
        server.stop();
    }

    /**
     * A map in memory that runs a test's hook once, right after the next read: for what another request does
     * between a request's read and its write.
     */
    static final class HookedMap<V> extends ConcurrentHashMap<String, V> {
        volatile Runnable afterNextGet;

        @Override
        public V get(Object key) {
            V value = super.get(key);
            Runnable hook = afterNextGet;
            if (hook != null) {
                afterNextGet = null;
                hook.run();
            }
            return value;
        }
    }

    private final class TestContext implements AdapterContext {
        private final HelpDesk helpDesk;
        private final AdapterSettings settings;
        private final ServletContextHandler handler;
        private final ReplyRenderer renderer = new VelocityReplyRenderer();

        TestContext(HelpDesk helpDesk, AdapterSettings settings, ServletContextHandler handler) {
            this.helpDesk = helpDesk;
            this.settings = settings;
            this.handler = handler;
        }

        @Override
        public HelpDesk helpDesk() {
            return helpDesk;
        }

        @Override
        public ReplyRenderer renderer() {
            return renderer;
        }

        @Override
        public AdapterSettings settings() {
            return settings;
        }

        @Override
        public void mount(String pathSpec, HttpServlet servlet) {
            handler.addServlet(servlet, pathSpec);
        }

        /** Maps in memory: one node, and no test here waits for an entry to expire. */
        @Override
        @SuppressWarnings("unchecked")
        public <V extends Serializable> ConcurrentMap<String, V> sharedMap(String name, Duration timeToLive) {
            return (ConcurrentMap<String, V>) sharedMaps.computeIfAbsent(name, unused -> new HookedMap<>());
        }

        @Override
        public Optional<PhoneTexter> phoneTexter() {
            return Optional.ofNullable(texter);
        }
    }
}
