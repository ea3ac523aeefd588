package dev.switchboard.adapter.testkit;

import dev.switchboard.spi.SharedTopic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A topic of a gateway of one node: what is published is heard at once, on the publisher's thread. */
final class OneNodeTopic<M> implements SharedTopic<M> {
    private final List<Consumer<M>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(M message) {
        listeners.forEach(listener -> listener.accept(message));
    }

    @Override
    public Subscription subscribe(Consumer<M> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
