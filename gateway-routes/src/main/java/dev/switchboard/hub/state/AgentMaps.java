package dev.switchboard.hub.state;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.switchboard.hub.agents.AgentAccount;
import dev.switchboard.hub.agents.AgentSession;
import dev.switchboard.hub.agents.AgentStatus;
import dev.switchboard.hub.agents.Assignment;
import dev.switchboard.hub.agents.PreferredAgent;
import dev.switchboard.hub.agents.SharedRecords;

/**
 * The agent desk's Hazelcast maps: accounts (written through to the database), sign-in sessions, and the live state of agents and conversation assignments (in memory with
 * one backup: a full restart starts every agent offline and every waiting customer is queued again by his
 * next message).
 */
public final class AgentMaps {
    static final String ACCOUNTS = "agent-accounts";
    static final String SESSIONS = "agent-sessions";
    static final String STATUSES = "agent-status";
    static final String ASSIGNMENTS = "assignments";
    static final String PREFERRED_AGENTS = "preferred-agents";

    private final HazelcastInstance instance;

    AgentMaps(HazelcastInstance instance) {
        this.instance = instance;
    }

    static void configure(Config config, AccountMapStore accounts) {
        MapStoreConfig accountStore = new MapStoreConfig()
                .setEnabled(true)
                .setImplementation(accounts)
                .setWriteDelaySeconds(0)
                .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER);
        config.addMapConfig(new MapConfig(ACCOUNTS).setBackupCount(1).setInMemoryFormat(InMemoryFormat.OBJECT)
                .setMapStoreConfig(accountStore));
        for (String live : new String[] {SESSIONS, STATUSES, ASSIGNMENTS, PREFERRED_AGENTS}) {
            config.addMapConfig(new MapConfig(live).setBackupCount(1).setInMemoryFormat(InMemoryFormat.OBJECT));
        }
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

    public SharedRecords<PreferredAgent> preferredAgents() {
        return new HazelcastSharedRecords<>(instance.getMap(PREFERRED_AGENTS));
    }
}
