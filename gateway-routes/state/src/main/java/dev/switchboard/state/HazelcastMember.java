package dev.switchboard.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleService;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerDirectory;
import dev.switchboard.hub.domain.CustomerMerges;
import dev.switchboard.hub.domain.IdempotencyLog;
import dev.switchboard.spi.SharedTopic;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's embedded Hazelcast member, which holds the state every gateway node must see, and the
 * hub's stores over it. What must survive a restart is written to the database before a change returns.
 */
public final class HazelcastMember implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastMember.class);

    private final HazelcastInstance instance;
    private final DataSource dataSource;
    private final ConversationTables conversationTables;
    private final IdempotencyTable idempotencyTable;
    private final SharedMaps maps;
    private final RowRetention retention;
    private volatile HazelcastCustomerMerges merges;

    private HazelcastMember(HazelcastInstance instance, DataSource dataSource, ConversationTables conversationTables,
                            IdempotencyTable idempotencyTable, SharedMaps maps, RowRetention retention) {
        this.instance = instance;
        this.dataSource = dataSource;
        this.conversationTables = conversationTables;
        this.idempotencyTable = idempotencyTable;
        this.maps = maps;
        this.retention = retention;
    }

    /** Starts this node's member with the default keep times and cache limits. */
    public static HazelcastMember start(ClusterSettings cluster, DataSource dataSource, ObjectMapper json) {
        return start(cluster, dataSource, json, KeepTimes.DEFAULT, CacheLimits.DEFAULT);
    }

    /**
     * Starts this node's member, keeping idempotency records and preferred-agent marks as long as {@code keep} says
     * (see {@link RowRetention}) and as much of the durable records in memory as {@code cache} says.
     */
    public static HazelcastMember start(ClusterSettings cluster, DataSource dataSource, ObjectMapper json,
                                        KeepTimes keep, CacheLimits cache) {
        ConversationTables conversationTables = new ConversationTables(json);
        IdempotencyTable idempotencyTable = new IdempotencyTable(json);
        SharedMaps maps = new SharedMaps(dataSource, idempotencyTable, json);
        Config config = new Config();
        config.setClusterName(cluster.clusterName());
        config.setInstanceName("switchboard-" + cluster.host() + "-" + cluster.port());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.local.localAddress", cluster.host());
        CompactTypes.configure(config.getSerializationConfig());

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(!cluster.members().isEmpty()).setMembers(cluster.members());

        maps.configure(config, keep, cache);

        HazelcastInstance instance = Hazelcast.newHazelcastInstance(config);
        RowRetention retention = new RowRetention(dataSource, Clock.systemUTC())
                .keep(RowRetention.Rows.IDEMPOTENCY, keep.idempotencyRecords())
                .keep(RowRetention.Rows.PREFERRED_AGENTS, keep.preferredAgentMarks());
        LOG.info("Hazelcast member {} up on {}:{}, {} member(s) in cluster '{}'", instance.getName(), cluster.host(),
                cluster.port(), instance.getCluster().getMembers().size(), cluster.clusterName());
        return new HazelcastMember(instance, dataSource, conversationTables, idempotencyTable, maps, retention);
    }

    public CustomerDirectory customerDirectory() {
        return new HazelcastCustomerDirectory(dataSource, maps.addressLinks(), maps.customers(),
                instance.getMap(SharedMaps.ADDRESS_LINKS), instance.getMap(SharedMaps.CUSTOMERS));
    }

    public ConversationStore conversationStore() {
        return new StoredConversations(dataSource, conversationTables, idempotencyTable,
                instance.getMap(SharedMaps.CONVERSATIONS), instance.getMap(SharedMaps.IDEMPOTENCY));
    }

    public IdempotencyLog idempotencyLog() {
        return new HazelcastIdempotencyLog(instance.getMap(SharedMaps.IDEMPOTENCY));
    }

    /** The customer merges; one per member, as it keeps a copy of the map. */
    public CustomerMerges customerMerges() {
        HazelcastCustomerMerges current = merges;
        if (current == null) {
            synchronized (this) {
                if (merges == null) {
                    merges = new HazelcastCustomerMerges(instance.getMap(SharedMaps.CUSTOMER_MERGES));
                }
                current = merges;
            }
        }
        return current;
    }

    public AgentMaps agentMaps() {
        return new AgentMaps(instance);
    }

    /**
     * A map of short-lived values shared by the cluster, not written to the database: each entry expires
     * {@code timeToLive} after it was last written, and has one backup like the durable maps. Its values travel in
     * Compact form, as records registered nowhere (see {@code CompactTypes}).
     *
     * @throws com.hazelcast.config.InvalidConfigurationException when the map was made before with another time to live
     */
    public <V> ConcurrentMap<String, V> expiringMap(String name, Duration timeToLive) {
        if (timeToLive.toSeconds() < 1) {
            throw new IllegalArgumentException("a shared map's time to live must be at least one second: " + name);
        }
        instance.getConfig().addMapConfig(new MapConfig(name)
                .setBackupCount(1)
                .setTimeToLiveSeconds(KeepTimes.seconds(timeToLive)));
        return instance.getMap(name);
    }

    /**
     * A topic every member hears, not kept anywhere: a member that is down misses what is published meanwhile. Its
     * messages travel as a map's values do.
     */
    public <M> SharedTopic<M> topic(String name) {
        return new HazelcastSharedTopic<>(instance.getTopic(name));
    }

    /** Drops every cached durable record from this cluster's memory; the database keeps them, and they load again. */
    public void evictCachedRecords() {
        for (String name : SharedMaps.CACHED) {
            instance.getMap(name).evictAll();
        }
    }

    public boolean isUp() {
        LifecycleService lifecycle = instance.getLifecycleService();
        return lifecycle.isRunning();
    }

    public int clusterSize() {
        return isUp() ? instance.getCluster().getMembers().size() : 0;
    }

    @Override
    public void close() {
        retention.close();
        if (isUp()) {
            instance.shutdown();
        }
    }
}
