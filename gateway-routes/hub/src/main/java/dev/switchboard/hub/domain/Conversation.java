package dev.switchboard.hub.domain;

import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The header of a customer's one conversation thread, across every channel he used: who it belongs to and what
 * the devices told, not its messages. The messages are kept apart, one record each, and read a page at a time
 * ({@link ConversationStore#page}), so that a thread's length costs nothing when a message is added.
 *
 * @param id            the conversation id
 * @param customerId    whose thread it is
 * @param openedFrom    the address key of the first contact
 * @param tokenHash     SHA-256 of the customer token that lets the customer read the thread
 * @param startedAt     when the first message came
 * @param context       what the devices last told about the customer
 * @param messageCount  how many messages the thread holds
 * @param lastActivity  when the latest message came or went ({@code startedAt} before any)
 * @param channelsHeard the channel ids the customer wrote on
 * @param lastHeard     the channel id of the customer's latest message, or {@code null} before he wrote
 * @param lastHeardAt   when the customer's latest message came, or {@code null} before he wrote
 * @param agentsReadUpTo   the time of the newest message an agent saw in the thread, or {@code null}: the agents have
 *                         read every message sent at or before it
 * @param customerReadUpTo the same for the customer
 */
public record Conversation(String id, String customerId, String openedFrom, byte[] tokenHash, Instant startedAt,
                           CustomerContext context, int messageCount, Instant lastActivity,
                           Set<String> channelsHeard, String lastHeard, Instant lastHeardAt, Instant agentsReadUpTo,
                           Instant customerReadUpTo) {

    public Conversation {
        context = context == null ? CustomerContext.NONE : context;
        channelsHeard = Set.copyOf(channelsHeard);
        lastActivity = lastActivity == null ? startedAt : lastActivity;
    }

    /** A header nobody has read. */
    public Conversation(String id, String customerId, String openedFrom, byte[] tokenHash, Instant startedAt,
                        CustomerContext context, int messageCount, Instant lastActivity, Set<String> channelsHeard,
                        String lastHeard, Instant lastHeardAt) {
        this(id, customerId, openedFrom, tokenHash, startedAt, context, messageCount, lastActivity, channelsHeard,
                lastHeard, lastHeardAt, null, null);
    }

    /** A new, empty thread. */
    public static Conversation open(String id, String customerId, String openedFrom, byte[] tokenHash, Instant at) {
        return new Conversation(id, customerId, openedFrom, tokenHash, at, CustomerContext.NONE, 0, at, Set.of(), null,
                null);
    }

    /** Who reads a thread: see {@link #readBy}. */
    public enum Reader { AGENTS, CUSTOMER }

    /**
     * This header with {@code reader}'s mark moved to {@code upTo} (the time of the newest message he saw); itself when
     * the mark is there or further already: a mark never moves back.
     */
    public Conversation readBy(Reader reader, Instant upTo) {
        Instant held = reader == Reader.AGENTS ? agentsReadUpTo : customerReadUpTo;
        if (held != null && !upTo.isAfter(held)) {
            return this;
        }
        return new Conversation(id, customerId, openedFrom, tokenHash, startedAt, context, messageCount, lastActivity,
                channelsHeard, lastHeard, lastHeardAt, reader == Reader.AGENTS ? upTo : agentsReadUpTo,
                reader == Reader.CUSTOMER ? upTo : customerReadUpTo);
    }

    /** Whether the thread holds any message. */
    public boolean isEmpty() {
        return messageCount == 0;
    }

    /** Whether the customer wrote on this channel. */
    public boolean heardOn(String channelId) {
        return channelsHeard.contains(channelId);
    }

    /**
     * The header once {@code appended} joined the thread (the messages the store found new: see
     * {@link ConversationStore#record}) and the context was updated from {@code newer} ({@code null}: nothing
     * new); itself when neither changes anything.
     */
    public Conversation after(List<StoredMessage> appended, CustomerContext newer) {
        CustomerContext merged = newer == null ? context : context.updatedWith(newer);
        if (appended.isEmpty() && merged.equals(context)) {
            return this;
        }
        Instant latest = lastActivity;
        Set<String> heard = new TreeSet<>(channelsHeard);
        String heardOn = lastHeard;
        Instant heardAt = lastHeardAt;
        for (StoredMessage message : appended) {
            latest = message.at().isAfter(latest) ? message.at() : latest;
            if (message.direction() == Direction.INBOUND) {
                heard.add(message.channel());
                heardOn = message.channel();
                heardAt = message.at();
            }
        }
        return new Conversation(id, customerId, openedFrom, tokenHash, startedAt, merged,
                messageCount + appended.size(), latest, heard, heardOn, heardAt, agentsReadUpTo, customerReadUpTo);
    }

    /** This header with the customer context updated from {@code newer}. */
    public Conversation withContext(CustomerContext newer) {
        return after(List.of(), newer);
    }
}
