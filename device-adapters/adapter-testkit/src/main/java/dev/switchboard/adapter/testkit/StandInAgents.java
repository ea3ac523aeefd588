package dev.switchboard.adapter.testkit;

import dev.switchboard.spi.AgentsAvailable;
import dev.switchboard.spi.SharedTopic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Agents' availability a test sets by hand ({@link #available}); subscribers are told each change at once. */
public final class StandInAgents implements AgentsAvailable {
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean available;

    /** An agent arrives ({@code true}) or the last one leaves ({@code false}). */
    public void available(boolean nowAvailable) {
        if (nowAvailable != available) {
            available = nowAvailable;
            listeners.forEach(listener -> listener.accept(nowAvailable));
        }
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
}
