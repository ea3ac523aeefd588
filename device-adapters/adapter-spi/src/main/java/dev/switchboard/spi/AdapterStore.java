package dev.switchboard.spi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An adapter's durable records, shared by every node of the cluster: string values by string key, in the
 * gateway's database. Made by {@link AdapterContext#store(String)}; each adapter and name has records of its own.
 * The value is the adapter's to shape (a JSON document, a number, an empty string for a mark).
 *
 * <p>Every call is one short transaction: what it wrote is durable, and seen by every node, when it returns. A
 * call that cannot reach the database throws an unchecked exception and changed nothing the caller may rely on.
 *
 * <p>A record may expire: {@code timeToLive} counts from the write, by the database's clock, and an expired record
 * is gone for every call (the gateway deletes it later). Keys are at most {@value #MAX_KEY_LENGTH} characters.
 *
 * <p>A record can be <em>claimed</em>: one holder at a time, for a while ({@link #claim}). Nodes that share work
 * kept here (an outbox) claim an entry before they act on it and claim it again before each side effect, so that
 * exactly one of them acts, and another takes the entries over when the claims of a node that died run out.
 */
public interface AdapterStore {
    /** The longest key. */
    int MAX_KEY_LENGTH = 500;

    /** A record as {@link #list} reads it. */
    record Entry(String key, String value) {
    }

    /**
     * Stores {@code value} under {@code key}, replacing a record there (its claim stays).
     *
     * @param timeToLive how long the record is kept after this write, or {@code null} to keep it until removed
     */
    void put(String key, String value, Duration timeToLive);

    /** {@link #put(String, String, Duration)}, kept until removed. */
    default void put(String key, String value) {
        put(key, value, null);
    }

    /**
     * Stores {@code value} under {@code key} unless a record is there; atomic across the cluster: of several nodes
     * putting one key at once, exactly one is told it was new.
     *
     * @param timeToLive how long the record is kept, or {@code null} to keep it until removed
     * @return whether the record is new (there was none, or only an expired one)
     */
    boolean putIfAbsent(String key, String value, Duration timeToLive);

    /** {@link #putIfAbsent(String, String, Duration)}, kept until removed. */
    default boolean putIfAbsent(String key, String value) {
        return putIfAbsent(key, value, null);
    }

    /** The value under {@code key}, unless there is none or it expired. */
    Optional<String> get(String key);

    /**
     * Removes the record under {@code key}; atomic across the cluster: of several nodes removing one record at
     * once, exactly one is told it removed it.
     *
     * @return whether there was a record (not expired) to remove
     */
    boolean remove(String key);

    /**
     * The records whose keys start with {@code keyPrefix} ({@code ""}: every record), oldest first (in the order
     * their keys were first stored), at most {@code limit} of them.
     */
    List<Entry> list(String keyPrefix, int limit);

    /** How many records have keys that start with {@code keyPrefix}. */
    int count(String keyPrefix);

    /**
     * Claims the record under {@code key} for {@code holder} until {@code period} from now (by the database's
     * clock), when it is not claimed, its claim ran out, or {@code holder} holds it already (which renews the
     * claim). {@link Duration#ZERO} gives up a claim {@code holder} holds, so that another takes it at once.
     *
     * @param holder who claims: unique to one node and one run of the adapter (a random id made at start)
     * @return whether {@code holder} holds the claim now; {@code false} also when there is no such record
     */
    boolean claim(String key, String holder, Duration period);
}
