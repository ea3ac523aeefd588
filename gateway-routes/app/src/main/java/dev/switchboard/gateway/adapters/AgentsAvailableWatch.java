package dev.switchboard.gateway.adapters;

import dev.switchboard.spi.AgentsAvailable;
import dev.switchboard.spi.SharedTopic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an agent is available, for the adapters ({@link AgentsAvailable}): it reads the node's own count of agents on
 * duty (the routing's snapshot, which follows every presence change on any node, no cluster query) every
 * {@link #CHECK} and tells the subscribers when it went from none to some or back.
 */
public final class AgentsAvailableWatch implements AgentsAvailable, AutoCloseable {
    static final Duration CHECK = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(AgentsAvailableWatch.class);

    private final IntSupplier agentsOnDuty;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread watch = new Thread(task, "agents-available");
        watch.setDaemon(true);
        return watch;
    });
    private volatile boolean available;

    public AgentsAvailableWatch(IntSupplier agentsOnDuty) {
        this.agentsOnDuty = agentsOnDuty;
        this.available = agentsOnDuty.getAsInt() > 0;
        thread.scheduleWithFixedDelay(this::check, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
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

    private void check() {
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

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
