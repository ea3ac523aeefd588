package dev.switchboard.testing;

import dev.switchboard.adapter.testkit.GatewayDefaults;
import dev.switchboard.adapter.testkit.PlainTextRenderer;
import dev.switchboard.gateway.adapters.AdapterRegistry;
import dev.switchboard.gateway.adapters.ClusterMaps;
import dev.switchboard.gateway.adapters.GatewayAdapterContext;
import dev.switchboard.gateway.adapters.NoticeMailers;
import dev.switchboard.gateway.adapters.OutboundSenders;
import dev.switchboard.gateway.adapters.SoleProvider;
import dev.switchboard.gateway.adapters.VoiceDialers;
import dev.switchboard.gateway.http.GatewayHttpServer;
import dev.switchboard.gateway.http.ServletMounts;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.AgentsAvailable;
import dev.switchboard.spi.SavedWidgetSettings;
import dev.switchboard.spi.DeviceAdapter;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.PhoneTexter;
import dev.switchboard.spi.SharedTopic;
import dev.switchboard.state.AdapterRecords;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;

/**
 * One adapter on one gateway node, for tests of what adapters share across a cluster: the adapter found as the
 * gateway finds it, started on the gateway's own context ({@link GatewayAdapterContext}) with its records and leases
 * in a database the nodes share ({@link AdapterRecords}), the gateway's default settings with the test's, a help desk
 * of the test's, and no HTTP port (what the adapter mounts goes on a server that is never started). Closing it stops the adapter and gives up the node's leases, as a clean stop does.
 */
public final class AdapterNode implements AutoCloseable {
    private final DeviceAdapter adapter;
    private final AdapterRecords records;
    private final OutboundSenders senders = new OutboundSenders();
    private final SoleProvider<PhoneTexter> texters = new SoleProvider<>("texts outside conversations");
    private final NoticeMailers noticeMailers = new NoticeMailers();

    private AdapterNode(String adapterId, DataSource database) {
        this.adapter = AdapterRegistry.discover(AdapterNode.class.getClassLoader()).stream()
                .filter(found -> found.id().equals(adapterId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no adapter " + adapterId + " on the class path"));
        this.records = AdapterRecords.start(database);
    }

    /**
     * Starts adapter {@code adapterId} on a node of the cluster whose database is {@code database} and whose
     * in-memory maps are {@code maps}.
     */
    public static AdapterNode start(String adapterId, DataSource database, ClusterMaps maps, HelpDesk helpDesk,
                                    Map<String, String> settings) throws Exception {
        AdapterNode node = new AdapterNode(adapterId, database);
        Map<String, String> values = GatewayDefaults.read();
        values.putAll(settings);
        try {
            node.adapter.start(new GatewayAdapterContext(adapterId, helpDesk, PlainTextRenderer.INSTANCE,
                    key -> Optional.ofNullable(values.get(key)),
                    new ServletMounts(GatewayHttpServer.newServer("127.0.0.1", 0, Duration.ofSeconds(60))), maps,
                    node.records, node.senders,
                    new VoiceDialers(), node.noticeMailers, node.texters, AgentsAvailable.NOBODY,
                    SavedWidgetSettings.DEFAULTS));
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** The cluster's in-memory maps, for the nodes of one test (topics are not needed by the adapters tested so). */
    public static ClusterMaps maps() {
        Map<String, ConcurrentMap<String, ?>> maps = new ConcurrentHashMap<>();
        return new ClusterMaps() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> ConcurrentMap<String, V> map(String name, Duration timeToLive) {
                return (ConcurrentMap<String, V>) maps.computeIfAbsent(name, unused -> new ConcurrentHashMap<>());
            }

            @Override
            public <M> SharedTopic<M> topic(String name) {
                throw new UnsupportedOperationException("no topics in these tests");
            }
        };
    }

    public AdapterHealth health() {
        return adapter.health();
    }

    /** Sends one of the help desk's own messages (an agent's answer) through this node's adapter. */
    public void send(OutboundMessage message) {
        senders.send(message);
    }

    @Override
    public void close() {
        adapter.stop();
        records.close();
        try {
            noticeMailers.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
