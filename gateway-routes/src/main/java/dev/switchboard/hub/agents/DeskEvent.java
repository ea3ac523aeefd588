package dev.switchboard.hub.agents;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * Something an agent desktop shows as it happens, told to every node of the cluster.
 *
 * @param type           what happened
 * @param conversationId the conversation it concerns; null for {@link Type#PRESENCE} and {@link Type#OFFLINE_MESSAGE}
 * @param to             the agents it is for; empty for every agent (the queue changed)
 * @param at             when
 */
public record DeskEvent(Type type, String conversationId, Set<String> to, Instant at) implements Serializable {

    public enum Type {
        /** The conversation is offered to the agents named. */
        OFFERED,
        /** An agent claimed it; the offer is gone for the others. */
        CLAIMED,
        /** The agents named are invited to take part. */
        INVITED,
        /** A new message in a conversation the agents named take part in. */
        MESSAGE,
        /** It was transferred away from the agents named. */
        TRANSFERRED,
        /** It was finished. */
        FINISHED,
        /** It joined the queue (told to every agent: the queue changed). */
        QUEUED,
        /** Its participants or stage changed otherwise: an agent joined or left, it was suspended or resumed. */
        UPDATED,
        /** The presence of the one agent named changed (no conversation). */
        PRESENCE,
        /** An offline message was left or resolved (told to the managers; no conversation). */
        OFFLINE_MESSAGE
    }

    public DeskEvent {
        to = to instanceof AgentNameSet ? to : Set.copyOf(to);
    }

    /** The same event for the agents of {@code names} (the same agents, held compactly). */
    DeskEvent addressedTo(AgentNameSet names) {
        return new DeskEvent(type, conversationId, names, at);
    }

    public boolean isFor(String username) {
        return to.isEmpty() || to.contains(username);
    }

    /** Serialized field by field ({@link CompactFields}): an offer names every agent it goes to. */
    private Object writeReplace() {
        return new Form(this);
    }

    /** The serialized form of a {@link DeskEvent}. */
    private static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private transient DeskEvent event;

        Form(DeskEvent event) {
            this.event = event;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.writeUTF(event.type.name());
            CompactFields.writeText(out, event.conversationId);
            CompactFields.writeNames(out, event.to);
            CompactFields.writeInstant(out, event.at);
        }

        private void readObject(ObjectInputStream in) throws IOException {
            event = new DeskEvent(Type.valueOf(in.readUTF()), CompactFields.readText(in), CompactFields.readNames(in),
                    CompactFields.readInstant(in));
        }

        private Object readResolve() {
            return event;
        }
    }
}
