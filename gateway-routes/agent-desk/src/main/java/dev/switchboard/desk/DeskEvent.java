package dev.switchboard.desk;

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
public record DeskEvent(Type type, String conversationId, Set<String> to, Instant at) {

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
        OFFLINE_MESSAGE,
        /** The customer rated the help of the agent named (told to him and the managers). */
        RATED,
        /** The customer is typing in a conversation the agents named take part in; not kept (see {@link #kept}). */
        TYPING,
        /** The customer read further in a conversation the agents named take part in. */
        READ
    }

    public DeskEvent {
        to = to instanceof AgentNameSet ? to : Set.copyOf(to);
    }

    /** Whether desktops that ask what is new since their last look should be told: not a passing {@link Type#TYPING}. */
    public boolean kept() {
        return type != Type.TYPING;
    }

    public boolean isFor(String username) {
        return to.isEmpty() || to.contains(username);
    }
}
