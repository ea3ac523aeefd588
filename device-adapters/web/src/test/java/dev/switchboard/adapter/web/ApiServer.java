package dev.switchboard.adapter.web;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.OutboundSender;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.ReplyRenderer;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The web adapter started the way the gateway starts it, its servlets served by an embedded Jetty on a free
 * port of 127.0.0.1, in front of an {@link InMemoryHelpDesk}.
 */
final class ApiServer implements AutoCloseable {
    static final Instant NOW = Instant.parse("2025-11-23T10:15:30Z");

    final InMemoryHelpDesk helpDesk = new InMemoryHelpDesk();
    final WebAdapter adapter = new WebAdapter(Clock.fixed(NOW, ZoneOffset.UTC));
    final List<String> mountedPaths = new ArrayList<>();
    final Map<Channel, OutboundSender> senders = new java.util.HashMap<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    ApiServer(Map<String, String> settings) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        server.setHandler(handler);
        adapter.start(new TestContext(helpDesk, key -> Optional.ofNullable(settings.get(key)), handler));
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
    }

    @Override
    public void close() throws Exception {
        adapter.stop();
        server.stop();
    }

    /** What the gateway hands an adapter; {@code mount} adds the servlet to the Jetty context. */
    private final class TestContext implements AdapterContext {
        private final HelpDesk helpDesk;
        private final AdapterSettings settings;
        private final ServletContextHandler handler;

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
            throw new UnsupportedOperationException("the web adapter answers with Outcome.rendered()");
        }

        @Override
        public AdapterSettings settings() {
            return settings;
        }

        @Override
        public void mount(String pathSpec, HttpServlet servlet) {
            if (mountedPaths.contains(pathSpec)) {
                throw new IllegalStateException(pathSpec + " is served already");
            }
            mountedPaths.add(pathSpec);
            handler.addServlet(servlet, pathSpec);
        }

        @Override
        public void sendsOn(Channel channel, OutboundSender sender) {
            senders.put(channel, sender);
        }
    }
}
