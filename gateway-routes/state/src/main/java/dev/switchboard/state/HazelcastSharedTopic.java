package dev.switchboard.state;

import com.hazelcast.topic.ITopic;
import dev.switchboard.spi.SharedTopic;
import java.util.UUID;
import java.util.function.Consumer;

/** An adapter's {@link SharedTopic} on a Hazelcast topic: published on any node, heard on every node. */
final class HazelcastSharedTopic<M> implements SharedTopic<M> {
    private final ITopic<M> topic;

    HazelcastSharedTopic(ITopic<M> topic) {
        this.topic = topic;
    }

    @Override
    public void publish(M message) {
        topic.publish(message);
    }

    @Override
    public Subscription subscribe(Consumer<M> listener) {
        UUID id = topic.addMessageListener(message -> listener.accept(message.getMessageObject()));
        return () -> topic.removeMessageListener(id);
    }
}
