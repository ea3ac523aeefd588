package dev.switchboard.desk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.switchboard.desk.AgentDesk;
import dev.switchboard.desk.DeskEvent;
import dev.switchboard.hub.domain.ConversationStore;
import jakarta.servlet.http.HttpServlet;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * The agent desk on the web: the agent API, the desktops' live connections, the OpenAPI description and the
 * desktop and manager pages. The application mounts {@link #servlets()} and {@link #liveUpgrade()} on the
 * gateway's port, feeds it every {@link DeskEvent} and runs {@link #heartbeat()} with the desk's ticks.
 */
public final class DeskWeb {
    /** The path of the desktops' live connection (a WebSocket upgrade). */
    public static final String LIVE_PATH = AgentApi.LIVE;

    private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();
    private final LiveDesktopUpgrade liveUpgrade;
    private final LiveDesktops live;
    private final AgentDesk desk;

    /**
     * @param settings how sessions and live connections behave
     * @param json     the gateway's JSON mapper; times go out as ISO-8601 text
     */
    public DeskWeb(AgentDesk desk, ConversationStore conversations, Settings settings, ObjectMapper json) {
        this.desk = desk;
        this.live = new LiveDesktops(desk.presence(), desk.sessions(), settings.awayGrace());
        SessionCookie cookie = new SessionCookie(settings.secureCookie());
        ObjectMapper isoTimes = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        AgentApi api = new AgentApi(desk, conversations);
        servlets.put(AgentApi.PREFIX + "/*", new AgentApiServlet(api.operations(), desk.sessions(), desk.accounts(),
                cookie, desk.presence()::seen, isoTimes));
        servlets.put(OpenApiServlet.PATH, new OpenApiServlet());
        servlets.put(DeskPagesServlet.AGENT_DESKTOP + "/*", DeskPagesServlet.agentDesktop());
        servlets.put(DeskPagesServlet.MANAGER_PAGES + "/*", DeskPagesServlet.managerPages());
        this.liveUpgrade = new LiveDesktopUpgrade(live, desk.sessions(), desk.accounts(), cookie,
                settings.publicUrl().filter(url -> !url.isBlank()));
    }

    /** Every servlet by its path spec. */
    public Map<String, HttpServlet> servlets() {
        return Collections.unmodifiableMap(servlets);
    }

    /** Makes the live connections of {@link #LIVE_PATH}. */
    public WebSocketCreator liveUpgrade() {
        return liveUpgrade;
    }

    /** A desk event from any node: kept for desktops that ask what is new, pushed to those connected. */
    public void heard(DeskEvent event) {
        if (event.kept()) {
            desk.recentEvents().add(event);
        }
        live.heard(event);
    }

    /** Pings the live desktops and closes those that stopped answering. */
    public void heartbeat() {
        live.heartbeat();
    }

    /**
     * @param secureCookie whether the session cookie is sent over HTTPS only
     * @param publicUrl    the gateway's address as browsers reach it; pages from its origin may open live connections
     * @param awayGrace    how long an agent whose desktop went silent stays available
     */
    public record Settings(boolean secureCookie, Optional<String> publicUrl, Duration awayGrace) {
    }
}
