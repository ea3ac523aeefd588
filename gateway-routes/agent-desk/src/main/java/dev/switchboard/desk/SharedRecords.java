package dev.switchboard.desk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Records every gateway node sees (agents, sessions, conversation assignments), keyed by a string. A change
 * runs where the record lives, one at a time per key, so two nodes changing one record never overwrite each
 * other: this is how "the first accept wins" holds across a cluster.
 */
public interface SharedRecords<V> {

    /**
     * A change of one record, computed from the record as it is; it must not read anything else. It travels to the
     * node that holds the record: a record class of plain fields, listed in {@link DeskTypes}.
     */
    interface Change<V> {
        /**
         * @param before the record, or {@code null} when there is none
         * @return the record afterwards: {@code before} itself for no change, {@code null} to remove it
         */
        V apply(V before);
    }

    /** Which records a query returns. It travels to every node, as a {@link Change} does. */
    interface Filter<V> {
        boolean test(V value);

        /**
         * A field every record it passes has with one value, for the records' store to find them by an index of
         * that field instead of testing every record; {@code null} when there is none.
         */
        default Indexed indexed() {
            return null;
        }
    }

    /** Records whose field {@code field} holds {@code value}. */
    record Indexed(String field, Comparable<?> value) {
    }

    /**
     * A record before and after a change; {@code after} is {@code before} itself when the change left it as it was,
     * on whichever node the change ran.
     */
    record Changed<V>(V before, V after) {
        public boolean changed() {
            return before != after;
        }
    }

    Optional<V> get(String key);

    /** Every record that passes the filter, from every node. */
    List<V> matching(Filter<V> filter);

    /** The records this node keeps the primary copy of that pass the filter, by key: each node sweeps its own. */
    Map<String, V> localMatching(Filter<V> filter);

    /** Applies a change atomically where the record lives. */
    Changed<V> change(String key, Change<V> change);

    /** Stores a record as it is, replacing any other. */
    void put(String key, V value);

    /**
     * Calls {@code listener} with the key and the record afterwards ({@code null}: removed) of each change made on any
     * node from now on, in the order of the changes of each key, on a thread of the records' store: a listener should
     * return quickly. For records every node keeps a copy of in use (the chat widget's settings); a store that tells
     * nothing refuses it.
     *
     * @return closing it stops the calls
     */
    default AutoCloseable whenChanged(BiConsumer<String, V> listener) {
        throw new UnsupportedOperationException("these records tell no changes");
    }
}
