package dev.switchboard.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.desk.Accounts;
import dev.switchboard.desk.AddressLinking;
import dev.switchboard.desk.AgentDesk;
import dev.switchboard.desk.AgentPresence;
import dev.switchboard.desk.AgentReplies;
import dev.switchboard.desk.AgentSessions;
import dev.switchboard.desk.ContactRequests;
import dev.switchboard.desk.ConversationRouting;
import dev.switchboard.desk.CustomerAddresses;
import dev.switchboard.desk.CustomerMerging;
import dev.switchboard.desk.DeskEvent;
import dev.switchboard.desk.DeskTicker;
import dev.switchboard.desk.FirstManager;
import dev.switchboard.desk.Handover;
import dev.switchboard.desk.OfflineMessageBox;
import dev.switchboard.desk.Satisfaction;
import dev.switchboard.desk.OfflineMessageNews;
import dev.switchboard.desk.PasswordHashing;
import dev.switchboard.desk.QuickTexts;
import dev.switchboard.desk.RecentEvents;
import dev.switchboard.desk.RoutingRules;
import dev.switchboard.desk.RoutingSettings;
import dev.switchboard.desk.WidgetSetup;
import dev.switchboard.desk.SuggestedAnswers;
import dev.switchboard.desk.SuggestionChoices;
import dev.switchboard.desk.web.DeskWeb;
import dev.switchboard.gateway.adapters.AdapterRegistry;
import dev.switchboard.gateway.adapters.ClusterMaps;
import dev.switchboard.gateway.adapters.AgentsAvailableWatch;
import dev.switchboard.gateway.adapters.GatewayAdapterContext;
import dev.switchboard.gateway.adapters.NoticeMailers;
import dev.switchboard.gateway.adapters.OutboundSenders;
import dev.switchboard.gateway.adapters.SoleProvider;
import dev.switchboard.gateway.adapters.VoiceDialers;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.gateway.http.GatewayHttpServer;
import dev.switchboard.gateway.http.HealthReport;
import dev.switchboard.gateway.http.HealthServlet;
import dev.switchboard.gateway.http.MetricsServlet;
import dev.switchboard.gateway.http.ServletMounts;
import dev.switchboard.gateway.http.StartPageServlet;
import dev.switchboard.hub.domain.AddNearbyServicePoints;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerDirectory;
import dev.switchboard.hub.domain.DecideReply;
import dev.switchboard.hub.domain.EnrichContext;
import dev.switchboard.hub.domain.ResolveCustomer;
import dev.switchboard.hub.knowledge.KnowledgeBase;
import dev.switchboard.hub.places.GazetteerLoader;
import dev.switchboard.hub.places.NearbyServicePoints;
import dev.switchboard.hub.domain.RatingStore;
import dev.switchboard.hub.routes.CamelHelpDesk;
import dev.switchboard.hub.routes.HubErrorHandling;
import dev.switchboard.hub.routes.HubRoutes;
import dev.switchboard.hub.routes.HubSteps;
import dev.switchboard.hub.routes.RouteTimers;
import dev.switchboard.render.VelocityReplyRenderer;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.PhoneTexter;
import dev.switchboard.spi.ReplyRenderer;
import dev.switchboard.spi.SharedTopic;
import dev.switchboard.spi.WidgetSettings;
import dev.switchboard.state.AdapterRecords;
import dev.switchboard.state.AgentMaps;
import dev.switchboard.state.ClusterSettings;
import dev.switchboard.state.Database;
import dev.switchboard.state.HazelcastDeskEvents;
import dev.switchboard.state.HazelcastMember;
import dev.switchboard.state.KeepTimes;
import dev.switchboard.state.SqlRatings;
import dev.switchboard.state.SqlSuggestionChoices;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway node, and the one place where its parts are made and joined: the database, the
 * Hazelcast member, the hub's decisions and Camel routes, the agent desk and its web side, the device
 * adapters and the Jetty HTTP port, started in that order and stopped in reverse.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    /** How many desk events each node keeps for desktops that ask what is new. */
    private static final int RECENT_EVENTS_KEPT = 10_000;

    static {
        // Hazelcast completes its futures' callbacks on the common pool only when that pool has more than one
        // thread; on a 2-core machine it has one, and Hazelcast starts a new thread per callback instead
        // (hundreds a second under load). Effective only before the pool is first used, so set it early.
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())));
        }
    }

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private GatewayHttpServer http;
    private HelpDesk helpDesk;
    private ConversationStore conversations;
    private CustomerDirectory customers;
    private Duration startupTime;

    private Gateway() {
    }

    /**
     * Starts a node; on any failure, stops what had started and throws. A cluster on a database of one node is
     * refused before anything starts ({@link SwitchboardConfig#checkClusterDatabase()}).
     */
    public static Gateway start(SwitchboardConfig config) throws Exception {
        config.checkClusterDatabase();
        Gateway gateway = new Gateway();
        try {
            gateway.boot(config, AdapterRegistry.discover(Gateway.class.getClassLoader()));
            return gateway;
        } catch (Exception | Error e) {
            gateway.close();
            throw e;
        }
    }

    private void boot(SwitchboardConfig config, List<DeviceAdapter> adapters) throws Exception {
        long started = System.nanoTime();

        Database database = Database.open(config.required(SwitchboardConfig.DB_URL), config.dataDir(),
                config.required(SwitchboardConfig.DB_USER), config.required(SwitchboardConfig.DB_PASSWORD));
        toClose.add(database);
        HazelcastMember member = HazelcastMember.start(clusterSettings(config), database.dataSource(), json,
                new KeepTimes(config.idempotencyKeep(), config.preferredAgentWindow()), config.cacheLimits());
        toClose.add(member);
        conversations = member.conversationStore();
        customers = member.customerDirectory();

        NoticeMailers noticeMailers = new NoticeMailers();
        toClose.add(noticeMailers);
        OutboundSenders senders = new OutboundSenders();
        VoiceDialers dialers = new VoiceDialers();
        SoleProvider<PhoneTexter> phoneTexters = new SoleProvider<>("texts outside conversations (one-time codes)");
        HazelcastDeskEvents deskEvents = member.agentMaps().deskEvents();
        toClose.add(deskEvents);
        KnowledgeBase knowledgeBase = KnowledgeBaseSource.load(config.required(SwitchboardConfig.KNOWLEDGE_BASE));
        AgentDesk desk = agentDesk(config, member, new SqlRatings(database.dataSource()), conversations, deskEvents,
                senders, dialers, noticeMailers, knowledgeBase, new SqlSuggestionChoices(database.dataSource()));

        NearbyServicePoints servicePoints = new NearbyServicePoints(
                ServicePointsSource.load(config.dataDir(), config.required(SwitchboardConfig.SERVICE_POINTS)));
        ReplyRenderer renderer = new VelocityReplyRenderer();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HubSteps steps = new HubSteps(member.idempotencyLog(),
                new ResolveCustomer(member.customerDirectory(), conversations, member.customerMerges(), clock),
                new EnrichContext(GazetteerLoader.shipped()), conversations,
                new DecideReply(knowledgeBase, desk.routing(), desk.offlineMessages()),
                new AddNearbyServicePoints(servicePoints, clock), renderer, desk.contactRequests(), desk.satisfaction(),
                clock);
        Main camel = startCamel(config, steps, meters);
        helpDesk = new CamelHelpDesk(camel.getCamelContext(), conversations, member.customerDirectory(),
                knowledgeBase.topics(), desk.contactRequests(), desk.satisfaction(), desk.routing());

        http = GatewayHttpServer.newServer(config.httpHost(), config.httpPort(), config.httpIdleThread());
        ServletMounts mounts = new ServletMounts(http);
        mounts.mount("gateway", "/", new StartPageServlet(adapters));
        mounts.mount("gateway", "/health", new HealthServlet(() -> health(database, member, desk.routing(), adapters), json));
        mounts.mount("gateway", "/metrics", new MetricsServlet(meters));
        serveDesk(config, desk, deskEvents, conversations, mounts);

        AdapterRecords adapterRecords = AdapterRecords.start(database.dataSource());
        toClose.add(adapterRecords);
        ClusterMaps maps = clusterMaps(member);
        AgentsAvailableWatch agentsAvailable = new AgentsAvailableWatch(desk.routing()::agentsOnDuty);
        desk.routing().whenOnDutyChanges(agentsAvailable::dutyChanged);
        for (DeviceAdapter adapter : adapters) {
            adapter.start(new GatewayAdapterContext(adapter.id(), helpDesk, renderer, config, mounts, maps,
                    adapterRecords, senders, dialers, noticeMailers, phoneTexters, agentsAvailable, desk.widgetSetup()));
            toClose.add(adapter::stop);
            LOG.info("Loaded device adapter '{}' ({}): {}", adapter.id(), adapter.getClass().getName(),
                    adapter.description());
        }
        http.start();
        // Stopping runs this list backwards: the adapters end what they hold open (push streams), the HTTP port
        // finishes the requests in flight and closes, then the adapters stop taking messages (the SMSC unbind)
        // while the hub, the member and the database still run; the database closes last.
        toClose.add(http::stop);
        toClose.add(() -> adapters.forEach(Gateway::stopping));
        startupTime = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Switchboard is up on http://{}:{}/ in {} ms with {} adapter(s): {}", config.httpHost(), http.port(),
                startupTime.toMillis(), adapters.size(), adapters.stream().map(DeviceAdapter::id).toList());
    }

    /** The desk's use cases over the shared agent maps, and the first manager. */
    private AgentDesk agentDesk(SwitchboardConfig config, HazelcastMember member, RatingStore ratings,
                                ConversationStore conversations,
                                HazelcastDeskEvents events, OutboundSenders senders, VoiceDialers dialers,
                                NoticeMailers noticeMailers, KnowledgeBase knowledgeBase,
                                SuggestionChoices suggestionChoices) {
        AgentMaps maps = member.agentMaps();
        Accounts accounts = new Accounts(maps.accounts(),
                new PasswordHashing(config.requiredInt(SwitchboardConfig.PASSWORD_HASH_COST)), clock);
        AgentSessions sessions = new AgentSessions(maps.sessions(),
                Duration.ofMinutes(config.requiredInt(SwitchboardConfig.SESSION_IDLE_MINUTES)), clock);
        AgentPresence presence = new AgentPresence(maps.statuses(), config.agentAwayGrace(), clock);
        presence.whenChanged(status -> events.publish(
                new DeskEvent(DeskEvent.Type.PRESENCE, null, Set.of(status.username()), clock.instant())));
        RoutingSettings settings = new RoutingSettings(
                Duration.ofSeconds(config.requiredInt(SwitchboardConfig.OFFER_TIMEOUT_SECONDS)),
                config.preferredAgentWindow(),
                config.required(SwitchboardConfig.DEFAULT_SKILL),
                Duration.ofSeconds(config.requiredInt(SwitchboardConfig.AVERAGE_HANDLING_SECONDS)));
        ConversationRouting routing = new ConversationRouting(maps.assignments(), maps.preferredAgents(),
                maps.statuses(), presence, settings, events, clock,
                new RoutingRules(maps.routingRules(), accounts, config.routingTimeZone()));
        CustomerMerging merging = new CustomerMerging(member.customerMerges(), member.customerDirectory(),
                conversations, maps.assignments(), clock);
        AgentReplies replies = new AgentReplies(maps.assignments(), conversations,
                new CustomerAddresses(member.customerDirectory()), senders, merging, events,
                config.required(SwitchboardConfig.GREETING), clock);
        Satisfaction satisfaction = new Satisfaction(ratings, maps.assignments(), replies, accounts, events, clock);
        AgentDesk desk = new AgentDesk(accounts, sessions, presence, routing,
                new Handover(maps.assignments(), maps.statuses(), accounts, routing, settings, clock,
                        Optional.of(satisfaction)),
                replies,
                new ContactRequests(maps.callBacks(), maps.assignments(), accounts, routing, conversations, senders,
                        dialers, clock),
                merging,
                new AddressLinking(member.customerDirectory(), member.customerMerges(), conversations, merging, clock),
                new QuickTexts(maps.quickTexts(), clock),
                new OfflineMessageNews(new OfflineMessageBox(maps.offlineMessages(), accounts, noticeMailers,
                        config.required(SwitchboardConfig.OFFLINE_NOTICE_SUBJECT), clock), accounts, events, clock),
                new RecentEvents(RECENT_EVENTS_KEPT), satisfaction, widgetSetup(config, maps),
                new SuggestedAnswers(knowledgeBase, conversations, merging, suggestionChoices, clock));
        toClose.add(desk.widgetSetup());
        ensureFirstManager(config, accounts);
        return desk;
    }

    /**
     * The manager page "Embed the button": the widget's settings in the shared map, followed on this node; the sites of
     * the server's setting shown beside (the web adapter refuses a setting that is no list of origins at its start).
     */
    private WidgetSetup widgetSetup(SwitchboardConfig config, AgentMaps maps) {
        List<String> serverOrigins = Arrays.stream(config.get(SwitchboardConfig.WIDGET_ALLOWED_ORIGINS).orElse("")
                        .split(","))
                .map(origin -> WidgetSettings.origin(origin).orElse(null))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return new WidgetSetup(maps.widgetSettings(), serverOrigins, clock);
    }

    /** The agent API, the live desktops and the desk's pages on the gateway's port, and the desk's ticks. */
    private void serveDesk(SwitchboardConfig config, AgentDesk desk, HazelcastDeskEvents events,
                           ConversationStore conversations, ServletMounts mounts) {
        DeskWeb web = new DeskWeb(desk, conversations, new DeskWeb.Settings(
                Boolean.parseBoolean(config.required(SwitchboardConfig.SECURE_COOKIE)),
                config.get(SwitchboardConfig.PUBLIC_URL),
                config.agentAwayGrace()), json);
        web.servlets().forEach((path, servlet) -> mounts.mount("agent desk", path, servlet));
        mounts.mountWebSocket("agent desk", DeskWeb.LIVE_PATH, web.liveUpgrade());
        DeskTicker ticker = new DeskTicker(desk, web::heartbeat);
        toClose.add(ticker);
        events.listen(event -> {
            web.heard(event);
            ticker.heard(event);
        });
        ticker.start(Duration.ofMillis(config.requiredInt(SwitchboardConfig.DESK_TICK_MILLIS)));
    }

    private static void ensureFirstManager(SwitchboardConfig config, Accounts accounts) {
        String username = config.required(SwitchboardConfig.FIRST_MANAGER);
        new FirstManager(accounts).ensure(username, config.required(SwitchboardConfig.FIRST_MANAGER_PASSWORD))
                .ifPresent(secret -> LOG.warn("""

                        ================================================================
                        First start: manager account '{}' was created with the one-time
                        secret below. Sign in at /api/agent/login with it and choose a
                        password; it is shown only this once.

                            {}
                        ================================================================""", username, secret));
    }

    private Main startCamel(SwitchboardConfig config, HubSteps steps, PrometheusMeterRegistry meters) throws Exception {
        Main camel = new Main();
        camel.configure().setName("switchboard");
        camel.configure().setJmxEnabled(false);
        camel.setOverrideProperties(config.effective());
        // The hub's exchanges carry a Java object, never a stream: caching streams would only cost time.
        camel.configure().setStreamCachingEnabled(false);
        camel.bind("routeTimers", new RouteTimers(meters));
        camel.configure().addRoutesBuilder(new HubErrorHandling());
        camel.configure().addRoutesBuilder(new HubRoutes(steps, meters));
        camel.start();
        toClose.add(camel::stop);
        return camel;
    }

    private static ClusterMaps clusterMaps(HazelcastMember member) {
        return new ClusterMaps() {
            @Override
            public <V> ConcurrentMap<String, V> map(String name, Duration timeToLive) {
                return member.expiringMap(name, timeToLive);
            }

            @Override
            public <M> SharedTopic<M> topic(String name) {
                return member.topic(name);
            }
        };
    }

    private static void stopping(DeviceAdapter adapter) {
        try {
            adapter.stopping();
        } catch (RuntimeException e) {
            LOG.warn("Adapter '{}' failed to prepare for the stop: {}", adapter.id(), e.toString());
        }
    }

    private static ClusterSettings clusterSettings(SwitchboardConfig config) {
        int port = config.hazelcastPort() == 0 ? FreePort.find(config.hazelcastHost()) : config.hazelcastPort();
        return new ClusterSettings(config.clusterName(), config.hazelcastHost(), port, config.clusterMembers());
    }

    private static HealthReport health(Database database, HazelcastMember member, ConversationRouting routing,
                                       List<DeviceAdapter> adapters) {
        HealthReport report = new HealthReport()
                .part("hazelcast", member.isUp(), member.clusterSize() + " member(s)")
                .part("database", database.isUp(), database.displayUrl())
                .part("agents", true, routing.agentsOnDuty() + " on duty, " + routing.waiting() + " waiting");
        for (DeviceAdapter adapter : adapters) {
            AdapterHealth state;
            try {
                state = adapter.health();
            } catch (RuntimeException e) {
                state = AdapterHealth.down("health check failed: " + e.getMessage());
            }
            report.adapter(adapter.id(), state);
        }
        return report;
    }

    /** The port the gateway's HTTP server listens on. */
    public int httpPort() {
        return http.port();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort() + "/");
    }

    /** The conversation threads this node reads and writes, the cluster's own. */
    public ConversationStore conversations() {
        return conversations;
    }

    /** The customers and their address links this node reads and writes, the cluster's own. */
    public CustomerDirectory customers() {
        return customers;
    }

    /** The help desk as adapters see it. */
    public HelpDesk helpDesk() {
        return helpDesk;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** Stops everything that started, newest first; never throws. */
    @Override
    public void close() {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", toClose.get(i), e.toString());
            }
        }
        toClose.clear();
    }
}
