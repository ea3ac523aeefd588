package dev.switchboard.gateway.adapters;

import dev.switchboard.desk.OutboundChannels;
import dev.switchboard.spi.AgentSignal;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.OutboundSender;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which adapter carries the help desk's own messages on each channel; one adapter per channel. */
public final class OutboundSenders implements OutboundChannels {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundSenders.class);

    private record Registered(String adapterId, OutboundSender sender) {
    }

    private final Map<String, Registered> byChannel = new ConcurrentHashMap<>();

    void register(String adapterId, String channel, OutboundSender sender) {
        Registered earlier = byChannel.putIfAbsent(channel, new Registered(adapterId, sender));
        if (earlier != null) {
            throw new IllegalStateException("adapter " + adapterId + " asked to send on channel " + channel
                    + ", which adapter " + earlier.adapterId() + " sends on already");
        }
        LOG.info("Outbound messages on channel {} -> adapter {}", channel, adapterId);
    }

    @Override
    public Set<String> channels() {
        return new TreeSet<>(byChannel.keySet());
    }

    @Override
    public void send(OutboundMessage message) {
        Registered registered = byChannel.get(message.channel().id());
        if (registered == null) {
            throw new IllegalStateException("no adapter sends on channel " + message.channel().id());
        }
        registered.sender().send(message);
    }

    @Override
    public void signal(String channelId, String conversationId, AgentSignal signal) {
        Registered registered = byChannel.get(channelId);
        if (registered != null) {
            registered.sender().signal(conversationId, signal);
        }
    }
}
