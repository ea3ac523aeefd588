package dev.switchboard.gateway.http;

import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
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
    private static final int MAX_THREADS = 200;
    private static final int MIN_THREADS = 8;
    /** How long a stop waits for the requests in flight. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);
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

    /**
     * A server on {@code host:port} whose threads beyond the first 8 end once idle for {@code idleThread}, all of them
     * in one such period if they are all idle (Jetty ends one per period by default, so the threads of a burst, each
     * with its buffers, stayed for hours).
     */
    public static GatewayHttpServer newServer(String host, int port, Duration idleThread) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("http");
        threads.setIdleTimeout((int) Math.min(idleThread.toMillis(), Integer.MAX_VALUE));
        threads.setMaxEvictCount(MAX_THREADS);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        // Jetty keeps a cache of header fields per connection, filled from its second request: about 100 KB each, so
        // 1,000 agents' browsers holding a connection between calls held 100 MB. The shared cache of common headers
        // stays; a connection's own values (Host, User-Agent) are parsed each time instead.
        http.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server);
        webSockets.setHandler(context);
        // At stop the connector takes no new connections, requests on open ones are answered 503, and those in
        // flight are waited for, at most STOP_WAIT.
        GracefulHandler graceful = new GracefulHandler(webSockets);
        server.setHandler(graceful);
        server.setStopTimeout(STOP_WAIT.toMillis());
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

    /** The threads of the server's pool now, busy or idle. */
    public int threads() {
        return ((QueuedThreadPool) server.getThreadPool()).getThreads();
    }

    /** The port actually listened on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops taking requests, waits for those in flight (at most {@link #STOP_WAIT}), then closes the port. */
    public void stop() throws Exception {
        server.stop();
    }
}
