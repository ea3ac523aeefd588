package dev.switchboard.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.config.CacheDeserializedValues;
import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.switchboard.desk.AgentAccount;
import dev.switchboard.desk.AgentSession;
import dev.switchboard.desk.AgentStatus;
import dev.switchboard.desk.Assignment;
import dev.switchboard.desk.PendingCallBack;
import dev.switchboard.desk.OfflineMessage;
import dev.switchboard.desk.PreferredAgent;
import dev.switchboard.desk.QuickText;
import dev.switchboard.desk.SharedRecords;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The agent desk's Hazelcast maps. Written through to the database: accounts, quick texts, offline messages, call
 * backs waiting for an agent, preferred agents, and the conversations' assignments (where each stands with the
 * agents), so that after a full restart every waiting customer is in the queue again with his place, every agent
 * owns what he owned, and preferred marks and call backs still hold. An assignment is written when its stage, owner,
 * participants or notes change, not at each offer: offers are made afresh after a restart. In memory only, with
 * one backup: sign-in sessions and the agents' statuses (a full restart starts every agent offline; signing in again
 * he holds a seat for each conversation he takes part in).
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

    /**
     * How long a finished assignment stays in memory; the database keeps it, and it comes back when asked for. A
     * finished one matters only until the customer writes again (he is then queued anew), so that memory holds
     * the open conversations, not every one since the start.
     */
    static final Duration FINISHED_IN_MEMORY = Duration.ofMinutes(10);

    private final HazelcastInstance instance;

    AgentMaps(HazelcastInstance instance) {
        this.instance = instance;
    }

    /** The stores of the desk's durable maps. */
    record Stores(AccountMapStore accounts, QuickTextMapStore quickTexts, OfflineMessageMapStore offlineMessages,
                  AssignmentMapStore assignments, TimedNameMapStore<PendingCallBack> callBacks,
                  TimedNameMapStore<PreferredAgent> preferredAgents) {
        static Stores of(DataSource dataSource, GroupCommit writes, ObjectMapper json) {
            return new Stores(new AccountMapStore(dataSource, writes), new QuickTextMapStore(dataSource, writes),
                    new OfflineMessageMapStore(dataSource, writes), new AssignmentMapStore(dataSource, writes, json),
                    TimedNameMapStore.callBacks(dataSource, writes), TimedNameMapStore.preferredAgents(dataSource, writes));
        }

        List<JdbcMapStore<?>> all() {
            return List.of(accounts, quickTexts, offlineMessages, assignments, callBacks, preferredAgents);
        }
    }

    static void configure(Config config, Stores stores, KeepTimes keep) {
        config.addMapConfig(writtenThrough(ACCOUNTS, stores.accounts()));
        config.addMapConfig(writtenThrough(QUICK_TEXTS, stores.quickTexts()));
        config.addMapConfig(writtenThrough(OFFLINE_MESSAGES, stores.offlineMessages()));
        config.addMapConfig(writtenThrough(CALL_BACKS, stores.callBacks()));
        // A mark matters for the preferred window only: it leaves memory then (one loaded from the database, a
        // window after it was loaded), and RowRetention deletes its row.
        config.addMapConfig(writtenThrough(PREFERRED_AGENTS, stores.preferredAgents())
                .setTimeToLiveSeconds(KeepTimes.seconds(keep.preferredAgentMarks())));
        config.addMapConfig(new MapConfig(SESSIONS).setBackupCount(1).setInMemoryFormat(InMemoryFormat.OBJECT));
        // One per open conversation, or naming the conversations an agent holds: kept as their compact bytes (see
        // AgentCodecs), which each read decodes once. The queue is found by the index of the stage.
        config.addMapConfig(new MapConfig(STATUSES).setBackupCount(1).setInMemoryFormat(InMemoryFormat.BINARY)
                .setCacheDeserializedValues(CacheDeserializedValues.NEVER));
        MapStoreConfig assignments = new MapStoreConfig()
                .setEnabled(true)
                .setImplementation(stores.assignments())
                .setWriteDelaySeconds(0)
                .setOffload(false)
                .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER);
        config.addMapConfig(new MapConfig(ASSIGNMENTS).setBackupCount(1).setInMemoryFormat(InMemoryFormat.BINARY)
                .setCacheDeserializedValues(CacheDeserializedValues.NEVER)
                .addIndexConfig(new IndexConfig(IndexType.HASH, Assignment.STAGE))
                .setMapStoreConfig(assignments));
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
        return new HazelcastSharedRecords<>(instance.getMap(ASSIGNMENTS), new KeepFinished(FINISHED_IN_MEMORY));
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

    /** Keeps a finished assignment in memory for {@code period}, any other for good. */
    record KeepFinished(Duration period) implements HazelcastSharedRecords.Retention<Assignment> {
        @Override
        public Duration keepFor(Assignment assignment) {
            return assignment.stage() == Assignment.Stage.FINISHED ? period : null;
        }
    }
}
