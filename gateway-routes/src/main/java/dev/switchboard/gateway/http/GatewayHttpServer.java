package dev.switchboard.gateway.http;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The gateway's one Jetty server and its servlet context. Port 0 takes any free port; read it back after start. */
public final class GatewayHttpServer {
    private final Server server;
    private final ServerConnector connector;
    private final ServletContextHandler context;

    private GatewayHttpServer(Server server, ServerConnector connector, ServletContextHandler context) {
        this.server = server;
        this.connector = connector;
        this.context = context;
    }

    public static GatewayHttpServer newServer(String host, int port) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        server.setHandler(context);
        server.setStopTimeout(5_000);
        return new GatewayHttpServer(server, connector, context);
    }

    public ServletContextHandler context() {
        return context;
    }

    public void start() throws Exception {
        server.start();
    }

    /** The port actually listened on. */
    public int port() {
        return connector.getLocalPort();
    }

    public void stop() throws Exception {
        server.stop();
    }
}
