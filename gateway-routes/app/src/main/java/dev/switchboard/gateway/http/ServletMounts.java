package dev.switchboard.gateway.http;

import jakarta.servlet.http.HttpServlet;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where paths of the gateway's HTTP port are handed out: the gateway's own pages, every
 * adapter's servlets and the WebSocket paths. Two owners asking for one path stop the start-up with both names.
 */
public final class ServletMounts {
    private static final Logger LOG = LoggerFactory.getLogger(ServletMounts.class);

    /** How {@link #paths()} marks a WebSocket path, which may share its path with a servlet's. */
    public static final String WEBSOCKET = "websocket ";

    private final ServletContextHandler context;
    private final ServerWebSocketContainer webSockets;
    private final Map<String, String> owners = new TreeMap<>();

    public ServletMounts(GatewayHttpServer http) {
        this.context = http.context();
        this.webSockets = http.webSockets();
    }

    public synchronized void mount(String owner, String pathSpec, HttpServlet servlet) {
        if (pathSpec == null) {
            throw new IllegalArgumentException(owner + " asked for no path");
        }
        claim(owner, pathSpec);
        ServletHolder holder = new ServletHolder(owner + " " + pathSpec, servlet);
        // A servlet that keeps a response open (server-sent events) frees its thread with startAsync.
        holder.setAsyncSupported(true);
        context.addServlet(holder, pathSpec);
        LOG.info("HTTP {} -> {}", pathSpec, owner);
    }

    /**
     * Upgrades requests for this exact path to WebSocket connections made by {@code creator}; other requests
     * for it go on to the servlets (a servlet may answer plain requests for the same path).
     */
    public synchronized void mountWebSocket(String owner, String path, WebSocketCreator creator) {
        claim(owner, WEBSOCKET + path);
        webSockets.addMapping(path, creator);
        LOG.info("WebSocket {} -> {}", path, owner);
    }

    /** Records the owner of a path; a WebSocket path is recorded with {@link #WEBSOCKET} before it. */
    private void claim(String owner, String pathSpec) {
        String path = pathSpec.startsWith(WEBSOCKET) ? pathSpec.substring(WEBSOCKET.length()) : pathSpec;
        if (!(path.startsWith("/") || path.startsWith("*."))) {
            throw new IllegalArgumentException(owner + " asked for path '" + path + "'; a path starts with '/'");
        }
        String earlier = owners.putIfAbsent(pathSpec, owner);
        if (earlier != null) {
            throw new IllegalStateException(owner + " asked for path " + pathSpec + ", which " + earlier + " serves already");
        }
    }

    /** Every mounted path with its owner, sorted by path. */
    public synchronized Map<String, String> paths() {
        return Map.copyOf(owners);
    }
}
