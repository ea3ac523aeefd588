package dev.switchboard.desk.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop's (or manager page's) live connection, for the signed-in account it was opened with. It only
 * listens: what the desktop does goes through the agent API; a text it sends is answered by closing. (Public
 * because Jetty calls its methods through method handles.)
 */
public final class LiveDesktopConnection implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(LiveDesktopConnection.class);
    /** The largest text a desktop may send; it has nothing to send, so anything larger is a misuse. */
    static final int MAX_TEXT_BYTES = 1024;

    private final LiveDesktops live;
    private final String username;
    private final boolean manager;
    private final String sessionToken;
    private volatile Session session;
    /** When the ping not answered yet was sent (System.nanoTime); 0 while none is outstanding. */
    private volatile long pingOutstandingSince;

    LiveDesktopConnection(LiveDesktops live, String username, boolean manager, String sessionToken) {
        this.live = live;
        this.username = username;
        this.manager = manager;
        this.sessionToken = sessionToken;
    }

    String username() {
        return username;
    }

    boolean manager() {
        return manager;
    }

    String sessionToken() {
        return sessionToken;
    }

    /** When the ping not answered yet was sent; 0 while none is outstanding. */
    long pingOutstandingSince() {
        return pingOutstandingSince;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
        opened.setIdleTimeout(live.idleTimeout());
        opened.setMaxTextMessageSize(MAX_TEXT_BYTES);
        opened.setMaxOutgoingFrames(LiveDesktops.MAX_WAITING_FRAMES);
        live.opened(this);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        pingOutstandingSince = 0;
    }

    @Override
    public void onWebSocketText(String message) {
        close(StatusCode.POLICY_VIOLATION, "the live connection only listens: act through the agent API");
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("Live desktop of {} failed: {}", username, cause.toString());
        live.closed(this);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        live.closed(this);
    }

    void send(String frame) {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.sendText(frame, LiveDesktops.closingOnFailure(this));
        }
    }

    void ping(ByteBuffer payload) {
        Session current = session;
        if (current != null && current.isOpen()) {
            pingOutstandingSince = System.nanoTime();
            current.sendPing(payload, LiveDesktops.closingOnFailure(this));
        }
    }

    void close(int status, String reason) {
        Session current = session;
        if (current != null) {
            current.close(status, reason, Callback.NOOP);
        }
        live.closed(this);
    }
}
