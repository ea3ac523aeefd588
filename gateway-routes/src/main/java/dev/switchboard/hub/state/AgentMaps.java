package dev.switchboard.hub.state;

import com.hazelcast.config.CacheDeserializedValues;
import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.switchboard.hub.agents.AgentAccount;
import dev.switchboard.hub.agents.AgentSession;
import dev.switchboard.hub.agents.AgentStatus;
import dev.switchboard.hub.agents.Assignment;
import dev.switchboard.hub.agents.PendingCallBack;
import dev.switchboard.hub.agents.OfflineMessage;
import dev.switchboard.hub.agents.PreferredAgent;
import dev.switchboard.hub.agents.QuickText;
import dev.switchboard.hub.agents.SharedRecords;

/**
 * The agent desk's Hazelcast maps: accounts, quick texts and offline messages (written through to the database), sign-in sessions, and the live state of agents and conversation assignments (in memory with
 * one backup: a full restart starts every agent offline and every waiting customer is queued again by his
 * next message).
 */
public final class AgentMaps {
    static final String ACCOUNTS = "agent-accounts";
    static final String SESSIONS = "agent-sessions";
    static final String STATUSES = "agent-status";
    static final String ASSIGNMENTS = "assignments";
    static final String PREFERRED_AGENTS = "preferred-agents";
    static final String DESK_EVENTS = "desk-events";
    static final String QUICK_TEXTS = "quick-texts";
    static final String CALL_BACKS = "call-backs";
    static final String OFFLINE_MESSAGES = "offline-messages";

    private final HazelcastInstance instance;

    AgentMaps(HazelcastInstance instance) {
        this.instance = instance;
    }

    static void configure(Config config, AccountMapStore accounts, QuickTextMapStore quickTexts,
                          OfflineMessageMapStore offlineMessages) {
        config.addMapConfig(writtenThrough(ACCOUNTS, accounts));
        config.addMapConfig(writtenThrough(QUICK_TEXTS, quickTexts));
        config.addMapConfig(writtenThrough(OFFLINE_MESSAGES, offlineMessages));
        for (String live : new String[] {SESSIONS, PREFERRED_AGENTS, CALL_BACKS}) {
            config.addMapConfig(new MapConfig(live).setBackupCount(1).setInMemoryFormat(InMemoryFormat.OBJECT));
        }
        // One per open conversation, or naming the conversations an agent holds: kept as their compact bytes (see
        // AgentCodecs), which each read decodes once. The queue is found by the index of the stage.
        config.addMapConfig(new MapConfig(STATUSES).setBackupCount(1).setInMemoryFormat(InMemoryFormat.BINARY)
                .setCacheDeserializedValues(CacheDeserializedValues.NEVER));
        config.addMapConfig(new MapConfig(ASSIGNMENTS).setBackupCount(1).setInMemoryFormat(InMemoryFormat.BINARY)
                .setCacheDeserializedValues(CacheDeserializedValues.NEVER)
                .addIndexConfig(new IndexConfig(IndexType.HASH, Assignment.STAGE)));
    }

    /** A map written through to the database, loaded whole at start (its records are few). */
    private static MapConfig writtenThrough(String name, JdbcMapStore<?> store) {
        MapStoreConfig storeConfig = new MapStoreConfig()
                .setEnabled(true)
                .setImplementation(store)
                .setWriteDelaySeconds(0)
                .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER);
        return new MapConfig(name).setBackupCount(1).setInMemoryFormat(InMemoryFormat.OBJECT)
                .setMapStoreConfig(storeConfig);
    }

    public SharedRecords<AgentAccount> accounts() {
        return new HazelcastSharedRecords<>(instance.getMap(ACCOUNTS));
    }

    public SharedRecords<AgentSession> sessions() {
        return new HazelcastSharedRecords<>(instance.getMap(SESSIONS));
    }

    public SharedRecords<AgentStatus> statuses() {
        return new HazelcastSharedRecords<>(instance.getMap(STATUSES));
    }

    public SharedRecords<Assignment> assignments() {
        return new HazelcastSharedRecords<>(instance.getMap(ASSIGNMENTS));
    }

    /** Desk events of the whole cluster. */
    public HazelcastDeskEvents deskEvents() {
        return new HazelcastDeskEvents(instance.getTopic(DESK_EVENTS));
    }

    public SharedRecords<QuickText> quickTexts() {
        return new HazelcastSharedRecords<>(instance.getMap(QUICK_TEXTS));
    }

    /** Call backs waiting for an agent to take their conversation, by conversation id. */
    public SharedRecords<PendingCallBack> callBacks() {
        return new HazelcastSharedRecords<>(instance.getMap(CALL_BACKS));
    }

    public SharedRecords<OfflineMessage> offlineMessages() {
        return new HazelcastSharedRecords<>(instance.getMap(OFFLINE_MESSAGES));
    }

    public SharedRecords<PreferredAgent> preferredAgents() {
        return new HazelcastSharedRecords<>(instance.getMap(PREFERRED_AGENTS));
    }
}
