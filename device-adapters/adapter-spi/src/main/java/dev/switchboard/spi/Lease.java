package dev.switchboard.spi;

/**
 * The right to do something on one node of the cluster at a time (read a mailbox, hold the one bind an operator
 * allows), made by {@link AdapterContext#lease(String, java.time.Duration)}.
 *
 * <p>The gateway keeps a row for each lease in its database: who holds it, an epoch that grows each time it
 * changes hands, and until when, by the database's clock. A node takes the lease when it is free or ran out,
 * renews it every third of its period while it holds it, and gives it up on {@link #close()}. A node that cannot
 * renew (the database is away, the process hangs) stops holding it within one period, by its own monotonic clock
 * counted from before its last renewal, before any other node can take it; another node takes it within a third of
 * the period after it ran out.
 *
 * <p>Work done under a lease asks {@link #holds()} before each side effect (a mail marked seen, a bind opened), and
 * stops when it is false.
 */
public interface Lease extends AutoCloseable {
    /**
     * Whether this node holds the lease now: it took or renewed it less than one period ago, and no other node took
     * it since (its epoch is still the one in the database at its last renewal). Cheap: no database call.
     */
    boolean holds();

    /** Stops trying to take or renew the lease and gives it up if held, so that another node takes it at once. */
    @Override
    void close();
}
