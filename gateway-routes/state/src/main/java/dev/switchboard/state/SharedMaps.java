package dev.switchboard.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.config.CacheDeserializedValues;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import dev.switchboard.desk.Assignment;
import dev.switchboard.desk.PendingCallBack;
import dev.switchboard.desk.PreferredAgent;
import dev.switchboard.hub.domain.RecordedOutcome;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every Hazelcast map of the gateway in one place: its name, the store that writes it through to the database
 * when it must survive a full restart, how its entries are held and what bounds them. (docs/architecture.md's map
 * of state follows this class.)
 *
 * <p>The hub's maps (customers, address links, conversation headers, idempotency records) are caches of the database,
 * bounded by {@link CacheLimits}: loaded entry by entry when asked for, evicted when idle or past their share of the
 * heap. A conversation's messages are not in memory at all ({@link StoredConversations}). Merges are few and loaded
 * whole. The desk's durable maps hold few records and are loaded whole at start; assignments too, so
 * that every waiting customer is in the queue again after a restart. An assignment is written when its stage, owner,
 * participants or notes change, not at each offer: offers are made afresh after a restart. In memory only, with one
 * backup: sign-in sessions and the agents' statuses (a full restart starts every agent offline; signing in again he
 * holds a seat for each conversation he takes part in).
 */
final class SharedMaps {
    static final String CUSTOMERS = "customers";
    static final String ADDRESS_LINKS = "address-links";
    static final String CONVERSATIONS = "conversations";
    static final String IDEMPOTENCY = "idempotency";
    static final String CUSTOMER_MERGES = "customer-merges";
    /** The maps that cache durable records, bounded by {@link CacheLimits}. */
    static final List<String> CACHED = List.of(CUSTOMERS, ADDRESS_LINKS, CONVERSATIONS, IDEMPOTENCY);

    static final String ACCOUNTS = "agent-accounts";
    static final String SESSIONS = "agent-sessions";
    static final String STATUSES = "agent-status";
    static final String ASSIGNMENTS = "assignments";
    static final String PREFERRED_AGENTS = "preferred-agents";
    static final String QUICK_TEXTS = "quick-texts";
    static final String CALL_BACKS = "call-backs";
    static final String OFFLINE_MESSAGES = "offline-messages";
    /** The chat widget's settings: one record, which every node follows through the map's news. */
    static final String WIDGET_SETTINGS = "widget-settings";
    static final String ROUTING_RULES = "routing-rules";
    /** The topic of desk events, not a map: kept nowhere. */
    static final String DESK_EVENTS = "desk-events";

    /**
     * How long a finished assignment stays in memory; the database keeps it, and it comes back when asked for. A
     * finished one matters only until the customer writes again (he is then queued anew), so that memory holds
     * the open conversations, not every one since the start.
     */
    static final Duration FINISHED_IN_MEMORY = Duration.ofMinutes(10);

    private final CustomerMapStore customers;
    private final AddressLinkTable addressLinks;
    private final RecordLoader<RecordedOutcome> idempotency;
    private final CustomerMergeMapStore customerMerges;
    private final AccountMapStore accounts;
    private final QuickTextMapStore quickTexts;
    private final WidgetSettingsMapStore widgetSettings;
    private final OfflineMessageMapStore offlineMessages;
    private final RoutingRuleMapStore routingRules;
    private final AssignmentMapStore assignments;
    private final TimedNameMapStore<PendingCallBack> callBacks;
    private final TimedNameMapStore<PreferredAgent> preferredAgents;

    SharedMaps(DataSource dataSource, IdempotencyTable idempotencyTable,
               ObjectMapper json) {
        customers = new CustomerMapStore(dataSource);
        addressLinks = new AddressLinkTable();
        idempotency = new RecordLoader<>(dataSource, "idempotency record", idempotencyTable::read);
        customerMerges = new CustomerMergeMapStore(dataSource);
        accounts = new AccountMapStore(dataSource);
        quickTexts = new QuickTextMapStore(dataSource);
        widgetSettings = new WidgetSettingsMapStore(dataSource);
        offlineMessages = new OfflineMessageMapStore(dataSource);
        routingRules = new RoutingRuleMapStore(dataSource, json);
        assignments = new AssignmentMapStore(dataSource, json);
        callBacks = TimedNameMapStore.callBacks(dataSource);
        preferredAgents = TimedNameMapStore.preferredAgents(dataSource);
    }

    AddressLinkTable addressLinks() {
        return addressLinks;
    }

    CustomerMapStore customers() {
        return customers;
    }

    void configure(Config config, KeepTimes keep, CacheLimits cache) {
        config.addMapConfig(cached(CUSTOMERS, customers, cache));
        // Filled by their owners (HazelcastCustomerDirectory, StoredConversations) with what they read or committed:
        // with a loader, Hazelcast would read the database again for every entry they put that is not in memory.
        config.addMapConfig(cachedAside(ADDRESS_LINKS, cache));
        config.addMapConfig(cachedAside(CONVERSATIONS, cache));
        config.addMapConfig(cached(IDEMPOTENCY, idempotency, cache)
                .setTimeToLiveSeconds(KeepTimes.seconds(keep.idempotencyRecords())));
        // Every merge, loaded at start and never evicted: a member's copy answers every look-up (see HazelcastCustomerMerges).
        config.addMapConfig(binary(new MapConfig(CUSTOMER_MERGES)).setMapStoreConfig(writeThrough(customerMerges)
                .setOffload(false).setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER)));

        config.addMapConfig(loadedWhole(ACCOUNTS, accounts));
        config.addMapConfig(loadedWhole(QUICK_TEXTS, quickTexts));
        config.addMapConfig(loadedWhole(WIDGET_SETTINGS, widgetSettings));
        config.addMapConfig(loadedWhole(OFFLINE_MESSAGES, offlineMessages));
        // One record, the whole ordered list: a manager's new list replaces the old at once on every node.
        config.addMapConfig(loadedWhole(ROUTING_RULES, routingRules));
        config.addMapConfig(loadedWhole(CALL_BACKS, callBacks));
        // A mark matters for the preferred window only: it leaves memory then (one loaded from the database, a
        // window after it was loaded), and RowRetention deletes its row.
        config.addMapConfig(loadedWhole(PREFERRED_AGENTS, preferredAgents)
                .setTimeToLiveSeconds(KeepTimes.seconds(keep.preferredAgentMarks())));
        config.addMapConfig(new MapConfig(SESSIONS).setBackupCount(1).setInMemoryFormat(InMemoryFormat.OBJECT));
        // One per open conversation, or naming the conversations an agent holds: kept as their Compact bytes (see
        // CompactTypes), which each read decodes once. The queue is found by the index of the stage.
        config.addMapConfig(binary(new MapConfig(STATUSES)));
        config.addMapConfig(binary(new MapConfig(ASSIGNMENTS))
                .addIndexConfig(new IndexConfig(IndexType.HASH, Assignment.STAGE))
                .setMapStoreConfig(writeThrough(assignments).setOffload(false)
                        .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER)));
    }

    /**
     * A cache of durable records: loaded entry by entry when asked for, written through to the database (unless the
     * store only loads), and bounded by {@code cache}: the least recently used entries leave memory past the map's
     * share of the heap, and any entry left alone for the idle time. BINARY: an entry is only its Compact bytes, and a
     * read is one decoding where OBJECT encodes the stored object and decodes it again; no decoded copy is kept. The
     * store's calls are offloaded from the partition threads (Hazelcast's default), so that many database round trips
     * are under way at once; Hazelcast still runs one operation at a time on each key.
     */
    private static MapConfig cached(String name, Object store, CacheLimits cache) {
        return cachedAside(name, cache)
                .setMapStoreConfig(new MapStoreConfig().setEnabled(true).setImplementation(store).setWriteDelaySeconds(0)
                        .setInitialLoadMode(MapStoreConfig.InitialLoadMode.LAZY));
    }

    /** A cache bounded as {@link #cached} says, without a store: its owner reads and writes the database itself. */
    private static MapConfig cachedAside(String name, CacheLimits cache) {
        return binary(new MapConfig(name))
                .setMaxIdleSeconds(KeepTimes.seconds(cache.idle()))
                .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.USED_HEAP_SIZE).setSize(cache.perMap()));
    }

    /** A map written through to the database, loaded whole at start (its records are few). */
    private static MapConfig loadedWhole(String name, JdbcMapStore<?> store) {
        return new MapConfig(name).setBackupCount(1).setInMemoryFormat(InMemoryFormat.OBJECT)
                .setMapStoreConfig(writeThrough(store).setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER));
    }

    private static MapConfig binary(MapConfig map) {
        return map.setBackupCount(1).setInMemoryFormat(InMemoryFormat.BINARY)
                .setCacheDeserializedValues(CacheDeserializedValues.NEVER);
    }

    private static MapStoreConfig writeThrough(JdbcMapStore<?> store) {
        return new MapStoreConfig().setEnabled(true).setImplementation(store).setWriteDelaySeconds(0);
    }
}
