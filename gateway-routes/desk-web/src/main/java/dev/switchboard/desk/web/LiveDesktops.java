package dev.switchboard.desk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.desk.AgentPresence;
import dev.switchboard.desk.AgentSessions;
import dev.switchboard.desk.DeskEvent;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent desktops and manager pages connected live to this node: every desk event this node hears (from any
 * node, through the Hazelcast topic) goes as one JSON frame to the connections that should see it, the agents
 * it is for and every manager.
 *
 * <p>An open connection is the desktop being there: at each tick its agent counts as seen (so the presence grace
 * period never runs out while it is open), and a closed one starts the grace period at once. Every quarter of the
 * grace period each connection is pinged (the browser answers by itself); one that has left a ping unanswered
 * for half the grace period, or whose sign-in session has ended, is closed.
 */
final class LiveDesktops {
    private static final Logger LOG = LoggerFactory.getLogger(LiveDesktops.class);
    /** Frames a slow connection may have waiting before it is closed (it reconnects and reads everything anew). */
    static final int MAX_WAITING_FRAMES = 256;

    private final AgentPresence presence;
    private final AgentSessions sessions;
    private final Duration grace;
    private final long pingEveryNanos;
    private final long deadAfterNanos;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<LiveDesktopConnection> open = ConcurrentHashMap.newKeySet();
    private volatile long lastPing = System.nanoTime();

    LiveDesktops(AgentPresence presence, AgentSessions sessions, Duration grace) {
        this.presence = presence;
        this.sessions = sessions;
        this.grace = grace;
        this.pingEveryNanos = grace.dividedBy(4).toNanos();
        this.deadAfterNanos = grace.dividedBy(2).toNanos();
    }

    /** How long a connection may be silent both ways: longer than the pings' interval, so only a dead one is. */
    Duration idleTimeout() {
        return grace;
    }

    void opened(LiveDesktopConnection connection) {
        open.add(connection);
        presence.seen(connection.username());
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("type", "HELLO");
        hello.put("username", connection.username());
        hello.put("manager", connection.manager());
        connection.send(frame(hello));
        LOG.debug("Live desktop of {} connected ({} open on this node)", connection.username(), open.size());
    }

    void closed(LiveDesktopConnection connection) {
        if (!open.remove(connection)) {
            return;
        }
        if (open.stream().noneMatch(other -> other.username().equals(connection.username()))) {
            presence.disconnected(connection.username());
        }
        LOG.debug("Live desktop of {} disconnected ({} open on this node)", connection.username(), open.size());
    }

    /** A desk event this node heard: one frame to every connection that should see it. */
    void heard(DeskEvent event) {
        if (open.isEmpty()) {
            return;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", event.type().name());
        view.put("conversationId", event.conversationId());
        if (event.type() == DeskEvent.Type.PRESENCE) {
            view.put("agent", event.to().stream().findFirst().orElse(null));
        }
        view.put("at", event.at().toString());
        String frame = frame(view);
        for (LiveDesktopConnection connection : open) {
            if (connection.manager() || event.isFor(connection.username())) {
                connection.send(frame);
            }
        }
    }

    /** At every tick of the desk: keeps the connected agents present, and pings or closes connections when due. */
    void heartbeat() {
        long now = System.nanoTime();
        boolean pingDue = now - lastPing >= pingEveryNanos;
        if (pingDue) {
            lastPing = now;
        }
        for (LiveDesktopConnection connection : open) {
            if (pingDue) {
                long outstanding = connection.pingOutstandingSince();
                if (outstanding != 0 && now - outstanding > deadAfterNanos) {
                    LOG.info("Live desktop of {} left a ping unanswered for {} ms: closing it", connection.username(),
                            (now - outstanding) / 1_000_000);
                    connection.close(StatusCode.SHUTDOWN, "no answer to pings");
                    continue;
                }
                if (sessions.find(connection.sessionToken()).isEmpty()) {
                    connection.close(StatusCode.POLICY_VIOLATION, "signed out");
                    continue;
                }
                if (outstanding == 0) {
                    connection.ping(ByteBuffer.allocate(0));
                }
            }
            presence.seen(connection.username());
        }
    }

    int openCount() {
        return open.size();
    }

    private String frame(Map<String, Object> view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a desk event frame could not be written", e);
        }
    }

    /** Logs a frame or ping that could not be sent and closes its connection: the desktop reconnects. */
    static Callback closingOnFailure(LiveDesktopConnection connection) {
        return Callback.from(() -> { }, failure -> {
            LOG.info("Live desktop of {}: a frame could not be sent ({}); closing it", connection.username(),
                    failure.toString());
            connection.close(StatusCode.SERVER_ERROR, "could not send");
        });
    }
}
