package dev.switchboard.adapter.testkit;

import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Servlets served by an embedded Jetty on a free port of 127.0.0.1, as the gateway serves adapters' servlets. */
final class LoopbackServer implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final ServletContextHandler handler = new ServletContextHandler();

    LoopbackServer() {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
    }

    void serve(String pathSpec, HttpServlet servlet) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        handler.addServlet(holder, pathSpec);
    }

    void start() throws Exception {
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}; known once started. */
    URI origin() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the test's Jetty did not stop", e);
        }
    }
}
