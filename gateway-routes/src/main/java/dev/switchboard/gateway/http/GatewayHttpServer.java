package dev.switchboard.gateway.http;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The gateway's one Jetty server: its servlet context, and in front of it Jetty's core WebSocket upgrade handler,
 * which takes the upgrade requests of the paths mapped on {@link #webSockets()} and hands every other request on
 * to the servlets. (The servlets are ee10; Jetty publishes no ee10 WebSocket server at the version the gateway
 * runs, and the core one needs no servlet: an upgrade never reaches the servlet context.) Port 0 takes any free
 * port; read it back after start.
 */
public final class GatewayHttpServer {
    private final Server server;
    private final ServerConnector connector;
    private final ServletContextHandler context;
    private final WebSocketUpgradeHandler webSockets;

    private GatewayHttpServer(Server server, ServerConnector connector, ServletContextHandler context,
                              WebSocketUpgradeHandler webSockets) {
        this.server = server;
        this.connector = connector;
        this.context = context;
        this.webSockets = webSockets;
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
        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server);
        webSockets.setHandler(context);
        server.setHandler(webSockets);
        server.setStopTimeout(5_000);
        return new GatewayHttpServer(server, connector, context, webSockets);
    }

    public ServletContextHandler context() {
        return context;
    }

    /** Where WebSocket paths are mapped (through {@link ServletMounts}, which hands out every path). */
    public ServerWebSocketContainer webSockets() {
        return webSockets.getServerWebSocketContainer();
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
