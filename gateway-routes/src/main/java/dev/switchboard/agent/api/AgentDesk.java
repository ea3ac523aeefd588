package dev.switchboard.agent.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.gateway.http.ServletMounts;
import dev.switchboard.hub.agents.Accounts;
import dev.switchboard.hub.agents.AddressLinking;
import dev.switchboard.hub.agents.AgentNotices;
import dev.switchboard.hub.agents.AgentPresence;
import dev.switchboard.hub.agents.AgentReplies;
import dev.switchboard.hub.agents.AgentSessions;
import dev.switchboard.hub.agents.ContactRequests;
import dev.switchboard.hub.agents.ConversationRouting;
import dev.switchboard.hub.agents.CustomerAddresses;
import dev.switchboard.hub.agents.CustomerMerging;
import dev.switchboard.hub.agents.FirstManager;
import dev.switchboard.hub.agents.Handover;
import dev.switchboard.hub.agents.OutboundChannels;
import dev.switchboard.hub.agents.DeskEvent;
import dev.switchboard.hub.agents.OfflineMessageBox;
import dev.switchboard.hub.agents.PasswordHashing;
import dev.switchboard.hub.agents.QuickTexts;
import dev.switchboard.hub.agents.RecentEvents;
import dev.switchboard.hub.agents.RoutingSettings;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.OfflineMessages;
import dev.switchboard.hub.state.AgentMaps;
import dev.switchboard.hub.state.HazelcastDeskEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent desk of one gateway node: its use cases over the shared agent maps, the first manager, the
 * ticker that turns silent desktops away and moves run-out offers on, and the agent API and the desktops' live
 * connections on the gateway's port.
 */
public final class AgentDesk implements AutoCloseable {
    static final String FIRST_MANAGER = "switchboard.accounts.first-manager";
    static final String FIRST_MANAGER_PASSWORD = "switchboard.accounts.first-manager-password";
    static final String HASH_COST = "switchboard.accounts.password-hash-cost";
    static final String SESSION_IDLE_MINUTES = "switchboard.agents.session-idle-minutes";
    static final String SECURE_COOKIE = "switchboard.agents.secure-cookie";
    /** The gateway's address as browsers reach it; the live desktop takes pages from there too. */
    static final String PUBLIC_URL = "switchboard.public-url";
    static final String AWAY_GRACE_SECONDS = "switchboard.agents.away-grace-seconds";
    static final String TICK_MILLIS = "switchboard.agents.tick-millis";
    static final String OFFER_TIMEOUT_SECONDS = "switchboard.routing.offer-timeout-seconds";
    static final String DEFAULT_SKILL = "switchboard.routing.default-skill";
    static final String GREETING = "switchboard.agents.greeting";
    static final String OFFLINE_NOTICE_SUBJECT = "switchboard.offline.notice-subject";
    /** How many desk events each node keeps for desktops that ask what is new. */
    static final int RECENT_EVENTS_KEPT = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AgentDesk.class);

    private final SwitchboardConfig config;
    private final Accounts accounts;
    private final AgentSessions sessions;
    private final AgentPresence presence;
    private final ConversationRouting routing;
    private final Handover handover;
    private final HazelcastDeskEvents events;
    private final RecentEvents recent;
    private final LiveDesktops live;
    private final OfflineMessageNews offlineMessages;
    private final AgentMaps maps;
    private final Clock clock;
    private final ScheduledExecutorService ticker;

    private AgentDesk(SwitchboardConfig config, AgentMaps maps, Clock clock, Accounts accounts, AgentSessions sessions,
                      AgentPresence presence, ConversationRouting routing, Handover handover, HazelcastDeskEvents events,
                      RecentEvents recent, LiveDesktops live, OfflineMessageNews offlineMessages) {
        this.events = events;
        this.live = live;
        this.offlineMessages = offlineMessages;
        this.recent = recent;
        this.config = config;
        this.maps = maps;
        this.clock = clock;
        this.accounts = accounts;
        this.sessions = sessions;
        this.presence = presence;
        this.routing = routing;
        this.handover = handover;
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "agent-desk-ticker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Makes the desk's use cases and the first manager; the hub's decide step asks {@link #routing()} and leaves
     * offline messages with {@link #offlineMessages()}, whose notices go out through {@code notices}.
     */
    public static AgentDesk create(SwitchboardConfig config, AgentMaps maps, Clock clock, AgentNotices notices) {
        Accounts accounts = new Accounts(maps.accounts(), new PasswordHashing(config.requiredInt(HASH_COST)), clock);
        AgentSessions sessions = new AgentSessions(maps.sessions(),
                Duration.ofMinutes(config.requiredInt(SESSION_IDLE_MINUTES)), clock);
        AgentPresence presence = new AgentPresence(maps.statuses(),
                Duration.ofSeconds(config.requiredInt(AWAY_GRACE_SECONDS)), clock);
        RoutingSettings settings = new RoutingSettings(
                Duration.ofSeconds(config.requiredInt(OFFER_TIMEOUT_SECONDS)),
                config.preferredAgentWindow(),
                config.required(DEFAULT_SKILL),
                Duration.ofSeconds(config.requiredInt(SwitchboardConfig.AVERAGE_HANDLING_SECONDS)));
        RecentEvents recent = new RecentEvents(RECENT_EVENTS_KEPT);
        LiveDesktops live = new LiveDesktops(presence, sessions, Duration.ofSeconds(config.requiredInt(AWAY_GRACE_SECONDS)));
        HazelcastDeskEvents events = maps.deskEvents();
        presence.whenChanged(status -> events.publish(
                new DeskEvent(DeskEvent.Type.PRESENCE, null, Set.of(status.username()), clock.instant())));
        ConversationRouting routing = new ConversationRouting(maps.assignments(), maps.preferredAgents(),
                maps.statuses(), presence, settings, events, clock);
        Handover handover = new Handover(maps.assignments(), maps.statuses(), accounts, routing, settings, clock);
        OfflineMessageNews offlineMessages = new OfflineMessageNews(new OfflineMessageBox(maps.offlineMessages(),
                accounts, notices, config.required(OFFLINE_NOTICE_SUBJECT), clock), accounts, events, clock);
        AgentDesk desk = new AgentDesk(config, maps, clock, accounts, sessions, presence, routing, handover, events,
                recent, live, offlineMessages);
        events.listen(desk::heard);
        desk.ensureFirstManager();
        return desk;
    }

    /** Serves the agent API and starts the ticker. */
    public void start(ServletMounts mounts, ConversationStore conversations, CustomerAddresses addresses,
                      OutboundChannels outbound, ContactRequests contactRequests, CustomerMerging merging,
                      AddressLinking linking, ObjectMapper json) {
        AgentReplies replies = new AgentReplies(maps.assignments(), conversations, addresses, outbound, merging, events,
                config.required(GREETING), clock);
        AgentApi api = new AgentApi(accounts, sessions, presence, routing, handover, replies, contactRequests, merging,
                linking, new QuickTexts(maps.quickTexts(), clock), conversations, recent, offlineMessages);
        SessionCookie cookie = new SessionCookie(Boolean.parseBoolean(config.required(SECURE_COOKIE)));
        ObjectMapper isoTimes = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mounts.mount("agent desk", AgentApi.PREFIX + "/*",
                new AgentApiServlet(api.operations(), sessions, accounts, cookie, presence::seen, isoTimes));
        mounts.mountWebSocket("agent desk", AgentApi.LIVE, new LiveDesktopUpgrade(live, sessions, accounts, cookie,
                config.get(PUBLIC_URL).filter(url -> !url.isBlank())));
        mounts.mount("agent desk", OpenApiServlet.PATH, new OpenApiServlet());
        mounts.mount("agent desk", DeskPagesServlet.AGENT_DESKTOP + "/*", DeskPagesServlet.agentDesktop());
        mounts.mount("agent desk", DeskPagesServlet.MANAGER_PAGES + "/*", DeskPagesServlet.managerPages());
        long tick = config.requiredInt(TICK_MILLIS);
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * A desk event from any node: kept for desktops that ask, pushed to those connected. An agent's presence
     * changed on another node enters this node's routing at once, not at its next tick, so a customer who writes
     * here just after an agent came on duty there is not told that nobody is on duty.
     */
    private void heard(DeskEvent event) {
        recent.add(event);
        live.heard(event);
        if (event.type() == DeskEvent.Type.PRESENCE) {
            try {
                // Off the Hazelcast event thread: the routing reads the agent's status from the cluster.
                ticker.execute(() -> event.to().forEach(routing::presenceHeard));
            } catch (RejectedExecutionException closing) {
                LOG.debug("Presence of {} not followed: the desk is closing", event.to());
            }
        }
    }

    private void tick() {
        try {
            live.heartbeat();
            presence.turnSilentAgentsAway();
            routing.offerWaiting();
            routing.refresh();
            sessions.endIdle();
        } catch (RuntimeException e) {
            LOG.warn("Agent desk tick failed (tried again at the next): {}", e.toString());
        }
    }

    private void ensureFirstManager() {
        String username = config.required(FIRST_MANAGER);
        new FirstManager(accounts).ensure(username, config.required(FIRST_MANAGER_PASSWORD)).ifPresent(secret ->
                LOG.warn("""

                        ================================================================
                        First start: manager account '{}' was created with the one-time
                        secret below. Sign in at /api/agent/login with it and choose a
                        password; it is shown only this once.

                            {}
                        ================================================================""", username, secret));
    }

    public Accounts accounts() {
        return accounts;
    }

    public ConversationRouting routing() {
        return routing;
    }

    public OfflineMessages offlineMessages() {
        return offlineMessages;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        events.close();
    }
}
