package dev.switchboard.spi;

import java.util.function.Consumer;

/**
 * A topic every node of the cluster hears, from {@link AdapterContext#sharedTopic}: what any node publishes,
 * every node's subscribers receive, this node's included. For news an adapter must pass to whichever node holds
 * the customer's open connection (an agent's reply for an app connected to another node). Delivery is
 * best-effort: a node that is down misses it, so the news should tell where to read the truth, not be it.
 *
 * @param <M> the message; it crosses the network, in the form {@link AdapterContext#sharedMap} describes for values
 */
public interface SharedTopic<M> {

    /** Sends {@code message} to every subscriber on every node. Returns without waiting for them. */
    void publish(M message);

    /**
     * Calls {@code listener} with every message published from now on, on a thread of the topic's own: it
     * should hand long work to a thread of its own.
     *
     * @return closing it stops the calls
     */
    Subscription subscribe(Consumer<M> listener);

    /** A subscriber's hold on a topic. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
