package dev.switchboard.desk;

import dev.switchboard.spi.AgentSignal;
import dev.switchboard.spi.OutboundMessage;
import java.util.Set;

/** The channels the help desk can send its own messages on, through the adapters that registered for them. */
public interface OutboundChannels {

    /** Channel ids some adapter sends on. */
    Set<String> channels();

    /** Hands a stored message to its channel's adapter; throws when it cannot take it (the message says why). */
    void send(OutboundMessage message);

    /**
     * Tells the customer's live client on a channel what the help desk's side does (see
     * {@link dev.switchboard.spi.OutboundSender#signal}); nothing when no adapter sends on the channel.
     */
    default void signal(String channelId, String conversationId, AgentSignal signal) {
        // Nobody shows it.
    }
}
