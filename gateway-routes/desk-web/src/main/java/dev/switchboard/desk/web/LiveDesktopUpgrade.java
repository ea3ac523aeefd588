package dev.switchboard.desk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.desk.AgentAccount;
import dev.switchboard.desk.Accounts;
import dev.switchboard.desk.AgentSession;
import dev.switchboard.desk.AgentSessions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the upgrade of {@value AgentApi#LIVE} to a live connection: it needs the desk's sign-in session (the
 * same cookie the agent API reads) and, from a browser, a page of this gateway. A WebSocket upgrade is not
 * bound by the same-origin rule and carries no CSRF header, so the Origin header is what keeps another site's
 * page from opening a connection with the agent's cookie; a client that sends no Origin is no browser and
 * needs the cookie like any other. A refusal is the agent API's {@code {"error", "message"}} with its status.
 */
final class LiveDesktopUpgrade implements WebSocketCreator {
    private static final Logger LOG = LoggerFactory.getLogger(LiveDesktopUpgrade.class);

    private final LiveDesktops live;
    private final AgentSessions sessions;
    private final Accounts accounts;
    private final SessionCookie cookie;
    private final ObjectMapper json = new ObjectMapper();
    /** The origin of the gateway's public address (behind a proxy, the proxy's), or {@code null} when not set. */
    private final String publicOrigin;

    /**
     * @param publicUrl the gateway's address as browsers reach it ({@code switchboard.public-url}), or empty: pages
     *                  from its origin may connect too, so that a desktop behind a TLS-terminating proxy works (the
     *                  gateway then sees plain HTTP on its own host and port, the browser says {@code https://...})
     */
    LiveDesktopUpgrade(LiveDesktops live, AgentSessions sessions, Accounts accounts, SessionCookie cookie,
                       Optional<String> publicUrl) {
        this.live = live;
        this.sessions = sessions;
        this.accounts = accounts;
        this.cookie = cookie;
        this.publicOrigin = publicUrl.map(LiveDesktopUpgrade::originOf).orElse(null);
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback)
            throws Exception {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !sameOrigin(origin, request) && !fromPublicAddress(origin)) {
            return refuse(request, response, callback, 403, "cross_origin",
                    "the live connection opens only from this gateway's own pages, not from " + origin);
        }
        String token = cookie.read(request);
        Optional<AgentSession> session = sessions.find(token);
        Optional<AgentAccount> account = session.flatMap(s -> accounts.find(s.username()));
        if (account.isEmpty()) {
            return refuse(request, response, callback, 401, "unauthorized", "sign in first");
        }
        if (account.get().mustChangePassword()) {
            return refuse(request, response, callback, 403, "password_change_required",
                    "this account signed in with a one-time secret: choose a password first (" + AgentApi.PASSWORD + ")");
        }
        return new LiveDesktopConnection(live, account.get().username(), account.get().isManager(), token);
    }

    /** Whether the page's origin is this gateway as the browser reached it (scheme, host and port). */
    static boolean sameOrigin(String origin, Request request) {
        String reached = (request.isSecure() ? "https" : "http") + "://"
                + Request.getServerName(request).toLowerCase(Locale.ROOT) + ":" + Request.getServerPort(request);
        return reached.equals(originOf(origin));
    }

    private boolean fromPublicAddress(String origin) {
        return publicOrigin != null && publicOrigin.equals(originOf(origin));
    }

    /**
     * {@code scheme://host:port} of an absolute http(s) URL, the port written out; {@code null} for anything else.
     */
    static String originOf(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private Object refuse(Request request, ServerUpgradeResponse response, Callback callback, int status, String error,
                          String message) throws Exception {
        LOG.info("Live desktop connection from {} refused ({}): {}", Request.getRemoteAddr(request), status, message);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(Map.of("error", error, "message", message))),
                callback);
        return null;
    }
}
