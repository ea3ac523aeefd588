package dev.switchboard.hub.state;

import com.hazelcast.topic.ITopic;
import dev.switchboard.hub.agents.DeskEvent;
import dev.switchboard.hub.agents.DeskEvents;
import java.util.UUID;
import java.util.function.Consumer;

/** Desk events on a Hazelcast topic: published on any node, heard by every node (this one included). */
public final class HazelcastDeskEvents implements DeskEvents, AutoCloseable {
    private final ITopic<DeskEvent> topic;
    private final UUID listener;

    HazelcastDeskEvents(ITopic<DeskEvent> topic, Consumer<DeskEvent> heard) {
        this.topic = topic;
        this.listener = topic.addMessageListener(message -> heard.accept(message.getMessageObject()));
    }

    @Override
    public void publish(DeskEvent event) {
        topic.publish(event);
    }

    @Override
    public void close() {
        topic.removeMessageListener(listener);
    }
}
