package dev.switchboard.state;

import com.hazelcast.topic.ITopic;
import dev.switchboard.desk.DeskEvent;
import dev.switchboard.desk.DeskEvents;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Desk events on a Hazelcast topic: published on any node, heard by every node (this one included). */
public final class HazelcastDeskEvents implements DeskEvents, AutoCloseable {
    private final ITopic<DeskEvent> topic;
    private final List<UUID> listeners = new CopyOnWriteArrayList<>();

    HazelcastDeskEvents(ITopic<DeskEvent> topic) {
        this.topic = topic;
    }

    /** From now on, {@code heard} is told every event published on any node (on a Hazelcast event thread). */
    public void listen(Consumer<DeskEvent> heard) {
        listeners.add(topic.addMessageListener(message -> heard.accept(message.getMessageObject())));
    }

    @Override
    public void publish(DeskEvent event) {
        topic.publish(event);
    }

    @Override
    public void close() {
        listeners.forEach(topic::removeMessageListener);
    }
}
