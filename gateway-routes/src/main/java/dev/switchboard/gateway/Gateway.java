package dev.switchboard.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.agent.api.AgentDesk;
import dev.switchboard.gateway.adapters.AdapterRegistry;
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
import dev.switchboard.hub.agents.ContactRequests;
import dev.switchboard.hub.agents.ConversationRouting;
import dev.switchboard.hub.agents.AddressLinking;
import dev.switchboard.hub.agents.CustomerAddresses;
import dev.switchboard.hub.agents.CustomerMerging;
import dev.switchboard.hub.domain.AddNearbyServicePoints;
import dev.switchboard.hub.domain.DecideReply;
import dev.switchboard.hub.domain.EnrichContext;
import dev.switchboard.hub.domain.ResolveCustomer;
import dev.switchboard.hub.knowledge.KnowledgeBase;
import dev.switchboard.hub.places.GazetteerLoader;
import dev.switchboard.hub.places.NearbyServicePoints;
import dev.switchboard.hub.routes.CamelHelpDesk;
import dev.switchboard.hub.routes.HubErrorHandling;
import dev.switchboard.hub.routes.HubRoutes;
import dev.switchboard.hub.routes.RouteTimers;
import dev.switchboard.hub.routes.HubSteps;
import dev.switchboard.hub.state.ClusterSettings;
import dev.switchboard.hub.state.Database;
import dev.switchboard.hub.state.HazelcastMember;
import dev.switchboard.hub.state.KeepTimes;
import dev.switchboard.render.VelocityReplyRenderer;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.PhoneTexter;
import dev.switchboard.spi.ReplyRenderer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway node: the database, the Hazelcast member, the hub's Camel routes (Camel Main), the
 * device adapters and the Jetty HTTP port, started in that order and stopped in reverse.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    static {
        // Hazelcast completes its futures' callbacks on the common pool only when that pool has more than one
        // thread; on a 2-core machine it has one, and Hazelcast starts a new thread per callback instead
        // (hundreds a second under load). Effective only before the pool is first used, so set it early.
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())));
        }
    }

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private GatewayHttpServer http;
    private HelpDesk helpDesk;
    private AgentDesk agentDesk;
    private Duration startupTime;

    private Gateway() {
    }

    /** Starts a node; on any failure, stops what had started and throws. */
    public static Gateway start(SwitchboardConfig config) throws Exception {
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
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        Clock clock = Clock.systemUTC();

        Database database = Database.open(config.required(SwitchboardConfig.DB_URL), config.dataDir(),
                config.required(SwitchboardConfig.DB_USER), config.required(SwitchboardConfig.DB_PASSWORD));
        toClose.add(database);
        HazelcastMember member = HazelcastMember.start(clusterSettings(config), database.dataSource(), config.dataDir(),
                json, new KeepTimes(config.idempotencyKeep(), config.preferredAgentWindow()));
        toClose.add(member);

        KnowledgeBase knowledgeBase = KnowledgeBaseSource.load(config.required(SwitchboardConfig.KNOWLEDGE_BASE));
        NearbyServicePoints servicePoints = new NearbyServicePoints(
                ServicePointsSource.load(config.dataDir(), config.required(SwitchboardConfig.SERVICE_POINTS)));
        ReplyRenderer renderer = new VelocityReplyRenderer();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        var conversations = member.conversationStore();
        NoticeMailers noticeMailers = new NoticeMailers();
        toClose.add(noticeMailers);
        agentDesk = AgentDesk.create(config, member.agentMaps(), clock, noticeMailers);
        toClose.add(agentDesk);
        OutboundSenders senders = new OutboundSenders();
        VoiceDialers dialers = new VoiceDialers();
        SoleProvider<PhoneTexter> phoneTexters = new SoleProvider<>("texts outside conversations (one-time codes)");
        ContactRequests contactRequests = new ContactRequests(member.agentMaps().callBacks(),
                member.agentMaps().assignments(), agentDesk.accounts(), agentDesk.routing(), conversations, senders,
                dialers, clock);
        HubSteps steps = new HubSteps(member.idempotencyLog(),
                new ResolveCustomer(member.customerDirectory(), conversations, member.customerMerges(), clock),
                new EnrichContext(GazetteerLoader.shipped()), conversations,
                new DecideReply(knowledgeBase, agentDesk.routing(), agentDesk.offlineMessages()),
                new AddNearbyServicePoints(servicePoints, clock), renderer, contactRequests, clock);

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
        helpDesk = new CamelHelpDesk(camel.getCamelContext(), conversations, member.customerDirectory(),
                knowledgeBase.topics(), contactRequests);

        http = GatewayHttpServer.newServer(config.httpHost(), config.httpPort(), config.httpIdleThread());
        ServletMounts mounts = new ServletMounts(http);
        mounts.mount("gateway", "/", new StartPageServlet(adapters));
        mounts.mount("gateway", "/health", new HealthServlet(() -> health(database, member, agentDesk.routing(), adapters), json));
        mounts.mount("gateway", "/metrics", new MetricsServlet(meters));
        CustomerMerging merging = new CustomerMerging(member.customerMerges(), member.customerDirectory(), conversations,
                member.agentMaps().assignments(), clock);
        AddressLinking linking = new AddressLinking(member.customerDirectory(), member.customerMerges(), conversations,
                merging, clock);
        agentDesk.start(mounts, conversations, new CustomerAddresses(member.customerDirectory()), senders,
                contactRequests, merging, linking, json);
        int adapterStops = toClose.size();
        for (DeviceAdapter adapter : adapters) {
            adapter.start(new GatewayAdapterContext(adapter.id(), helpDesk, renderer, config, mounts, member, senders,
                    dialers, noticeMailers, phoneTexters));
            toClose.add(adapter::stop);
            LOG.info("Loaded device adapter '{}' ({}): {}", adapter.id(), adapter.getClass().getName(),
                    adapter.description());
        }
        http.start();
        // Stopped after the adapters: an adapter holding responses open (the app's push streams) ends them
        // first, so Jetty's graceful stop does not wait its timeout for them.
        toClose.add(adapterStops, http::stop);
        startupTime = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Switchboard is up on http://{}:{}/ in {} ms with {} adapter(s): {}", config.httpHost(), http.port(),
                startupTime.toMillis(), adapters.size(), adapters.stream().map(DeviceAdapter::id).toList());
    }

    private static ClusterSettings clusterSettings(SwitchboardConfig config) {
        int port = config.hazelcastPort() == 0 ? FreePort.find(config.hazelcastHost()) : config.hazelcastPort();
        return new ClusterSettings(config.clusterName(), config.hazelcastHost(), port, config.clusterMembers());
    }

    private static HealthReport health(Database database, HazelcastMember member, ConversationRouting routing,
                                       List<DeviceAdapter> adapters) {
        HealthReport report = new HealthReport()
                .part("hazelcast", member.isUp(), member.clusterSize() + " member(s)")
                .part("database", database.isUp(), database.url().replaceAll(";.*", ""))
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

    /** The help desk as adapters see it. */
    public HelpDesk helpDesk() {
        return helpDesk;
    }

    /** The agent desk: accounts, presence, routing. */
    public AgentDesk agentDesk() {
        return agentDesk;
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
