package dev.switchboard.spi;

import java.util.Objects;

/**
 * News of the help desk's side of a conversation that a customer's live client shows and nothing keeps: see
 * {@link OutboundSender#signal}.
 *
 * @param kind   what happened
 * @param author the display name of the agent, as his messages show it
 */
public record AgentSignal(Kind kind, String author) {

    public enum Kind {
        /** The agent is typing an answer: shown for a few seconds, until the next signal or his message. */
        TYPING,
        /** The agents read the thread further: read {@link ConversationView#readUpTo()} again. */
        READ
    }

    public AgentSignal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
    }
}
