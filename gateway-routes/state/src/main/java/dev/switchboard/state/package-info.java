/**
 * The state every node shares and what survives a restart: the embedded Hazelcast member and its maps, the map
 * stores that write them through to the database, and the database itself (an embedded H2 file or the PostgreSQL a
 * cluster shares, schema by Flyway migrations in {@code db/migration}); and the adapters' durable records and
 * leases in that database ({@code AdapterRecords}). What the members carry between them travels in one form,
 * Hazelcast's Compact serialization, each class registered in one list ({@code CompactTypes}).
 *
 * <p>Implements the ports of the hub's domain and the desk ({@code ConversationStore}, {@code SharedRecords}, ...);
 * may depend on both, on Hazelcast, JDBC and Jackson. Nothing but the application depends on it.
 */
package dev.switchboard.state;
