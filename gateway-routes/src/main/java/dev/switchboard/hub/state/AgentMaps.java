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
import dev.switchboard.hub.agents.DeskEvent;
import dev.switchboard.hub.agents.PendingCallBack;
import dev.switchboard.hub.agents.PreferredAgent;
import dev.switchboard.hub.agents.QuickText;
import dev.switchboard.hub.agents.SharedRecords;
import java.util.function.Consumer;

/**
 * The agent desk's Hazelcast maps: accounts and quick texts (written through to the database), sign-in sessions, and the live state of agents and conversation assignments (in memory with
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

    private final HazelcastInstance instance;

    AgentMaps(HazelcastInstance instance) {
        this.instance = instance;
    }

    static void configure(Config config, AccountMapStore accounts, QuickTextMapStore quickTexts) {
        MapStoreConfig accountStore = new MapStoreConfig()
                .setEnabled(true)
                .setImplementation(accounts)
                .setWriteDelaySeconds(0)
                .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER);
        config.addMapConfig(new MapConfig(ACCOUNTS).setBackupCount(1).setInMemoryFormat(InMemoryFormat.OBJECT)
                .setMapStoreConfig(accountStore));
        MapStoreConfig quickTextStore = new MapStoreConfig()
                .setEnabled(true)
                .setImplementation(quickTexts)
                .setWriteDelaySeconds(0)
                .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER);
        config.addMapConfig(new MapConfig(QUICK_TEXTS).setBackupCount(1).setInMemoryFormat(InMemoryFormat.OBJECT)
                .setMapStoreConfig(quickTextStore));
        for (String live : new String[] {SESSIONS, STATUSES, ASSIGNMENTS, PREFERRED_AGENTS, CALL_BACKS}) {
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

    /** Desk events of the whole cluster; each one this node hears goes to {@code heard}. */
    public HazelcastDeskEvents deskEvents(Consumer<DeskEvent> heard) {
        return new HazelcastDeskEvents(instance.getTopic(DESK_EVENTS), heard);
    }

    public SharedRecords<QuickText> quickTexts() {
        return new HazelcastSharedRecords<>(instance.getMap(QUICK_TEXTS));
    }

    /** Call backs waiting for an agent to take their conversation, by conversation id. */
    public SharedRecords<PendingCallBack> callBacks() {
        return new HazelcastSharedRecords<>(instance.getMap(CALL_BACKS));
    }

    public SharedRecords<PreferredAgent> preferredAgents() {
        return new HazelcastSharedRecords<>(instance.getMap(PREFERRED_AGENTS));
    }
}
