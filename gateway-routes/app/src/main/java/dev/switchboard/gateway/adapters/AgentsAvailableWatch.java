package dev.switchboard.gateway.adapters;

import dev.switchboard.spi.AgentsAvailable;
import dev.switchboard.spi.SharedTopic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an agent is available, for the adapters ({@link AgentsAvailable}): it reads the node's own count of agents on
 * duty (the routing's snapshot, which follows every presence change on any node, no cluster query) when the routing
 * says it may have changed ({@link #dutyChanged}), and tells the subscribers when it went from none to some or back.
 */
public final class AgentsAvailableWatch implements AgentsAvailable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentsAvailableWatch.class);

    private final IntSupplier agentsOnDuty;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean available;

    public AgentsAvailableWatch(IntSupplier agentsOnDuty) {
        this.agentsOnDuty = agentsOnDuty;
        this.available = agentsOnDuty.getAsInt() > 0;
    }

    @Override
    public boolean now() {
        return available;
    }

    @Override
    public SharedTopic.Subscription subscribe(Consumer<Boolean> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Reads the count again; called by whatever changes it (the routing's snapshot). */
    public synchronized void dutyChanged() {
        boolean nowAvailable = agentsOnDuty.getAsInt() > 0;
        if (nowAvailable == available) {
            return;
        }
        available = nowAvailable;
        for (Consumer<Boolean> listener : listeners) {
            try {
                listener.accept(nowAvailable);
            } catch (RuntimeException e) {
                LOG.warn("A listener of the agents' availability failed: {}", e.toString());
            }
        }
    }
}
