package dev.switchboard.spi;

/**
 * An adapter's way to carry messages the help desk originates on one channel (an agent's answer by SMS,
 * email, push). Registered with {@link AdapterContext#sendsOn}.
 *
 * <p>{@link #send} is called after the message is stored in the customer's thread. It returns once the
 * adapter has taken the message on (sent it, or put it in a durable queue of its own); it throws when it
 * cannot, with a message an agent can be shown, and the agent is told the message did not go out. A
 * channel whose customers read their thread themselves (the web chat) may take every message at once.
 * Called from many threads at once.
 */
@FunctionalInterface
public interface OutboundSender {

    void send(OutboundMessage message);

    /**
     * Tells the customer's open client something that is not a message, for a channel that shows it live (the web
     * chat): an agent is typing, or the agents read his thread further ({@link ConversationView#readUpTo()} moved).
     * Nothing to carry on channels that cannot show it: the default ignores it. It must return at once and never
     * throw: nothing depends on it arriving.
     */
    default void signal(String conversationId, AgentSignal signal) {
        // A channel that shows no such news.
    }

    /**
     * The sender of a channel whose customers read their thread themselves (web chat, WAP, the TV overlay):
     * the hub stored the message in the thread before handing it over, so taking it on is all there is to do.
     */
    static OutboundSender readFromThread() {
        return message -> { };
    }
}
