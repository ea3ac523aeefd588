package dev.switchboard.desk;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.Ids;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.AgentSignal;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.RatingRequest;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent answers a customer on the channel he picks, by default the one the customer last wrote on. The
 * answer is stored in the thread first (with its channel, time, direction and the agent's name), then
 * handed to the adapter of that channel. A retry with the same key is stored and sent once.
 */
public final class AgentReplies {
    private static final Logger LOG = LoggerFactory.getLogger(AgentReplies.class);
    static final int MAX_TEXT_LENGTH = 4000;

    private final SharedRecords<Assignment> assignments;
    private final ConversationStore conversations;
    private final CustomerAddresses addresses;
    private final OutboundChannels outbound;
    private final CustomerMerging merging;
    private final DeskEvents events;
    private final String greeting;
    private final Clock clock;

    /** What became of an answer: stored always; {@code sent} false with the channel's reason when it did not go out. */
    public record Sent(StoredMessage message, boolean sent, String problem) {
    }

    public AgentReplies(SharedRecords<Assignment> assignments, ConversationStore conversations,
                        CustomerAddresses addresses, OutboundChannels outbound, CustomerMerging merging,
                        DeskEvents events, String greeting, Clock clock) {
        this.assignments = assignments;
        this.conversations = conversations;
        this.addresses = addresses;
        this.outbound = outbound;
        this.merging = merging;
        this.events = events;
        this.greeting = greeting == null ? "" : greeting.strip();
        this.clock = clock;
    }

    /**
     * @param channel        the channel id, or {@code null} for the customer's last
     * @param idempotencyKey the client's key for this answer, or {@code null}
     */
    public Sent send(AgentAccount by, String conversationId, String text, String channel, String idempotencyKey) {
        Assignment assignment = assignments.get(conversationId)
                .filter(a -> a.stage() == Assignment.Stage.ACTIVE && a.participants().contains(by.username()))
                .orElseThrow(() -> AgentDeskException.notFound("you take part in no active conversation " + conversationId));
        if (text == null || text.isBlank()) {
            throw AgentDeskException.invalid("an answer needs a text");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw AgentDeskException.invalid("an answer has at most " + MAX_TEXT_LENGTH + " characters");
        }
        Conversation conversation = conversations.get(conversationId)
                .orElseThrow(() -> AgentDeskException.notFound("no conversation " + conversationId));
        String key = "agent:" + (idempotencyKey == null || idempotencyKey.isBlank() ? Ids.next("r-") : idempotencyKey);
        List<Conversation> group = group(conversation);
        Optional<StoredMessage> earlier = group.stream()
                .flatMap(thread -> conversations.find(thread.id(), Direction.OUTBOUND, key).stream()).findFirst();
        if (earlier.isPresent()) {
            return new Sent(earlier.get(), true, null);
        }
        String chosen = channel == null || channel.isBlank() ? lastChannel(group) : channel;
        if (!outbound.channels().contains(chosen)) {
            throw AgentDeskException.invalid("no adapter sends on channel '" + chosen + "'; channels: " + outbound.channels());
        }
        Reachable reachable = addressOn(conversation, chosen);
        StoredMessage message = new StoredMessage(Ids.next("m-"), chosen, Direction.OUTBOUND, by.displayName(),
                text.strip(), clock.instant(), key);
        Set<String> others = new HashSet<>(assignment.participants());
        others.remove(by.username());
        return deliver(conversationId, reachable, message, null, others);
    }

    /**
     * Asks the customer of a conversation an agent just finished to rate the help he got, once, on the channel he
     * was last heard on: the question joins his thread (written by the help desk) and goes to that channel's adapter
     * carrying the {@link RatingRequest} that {@code asking} made for the thread and channel it goes to.
     *
     * @throws AgentDeskException when the customer cannot be asked: he never wrote, or no adapter sends on his channel
     */
    Sent askRating(String conversationId, String question, Asking asking) {
        Conversation conversation = conversations.get(conversationId)
                .orElseThrow(() -> AgentDeskException.notFound("no conversation " + conversationId));
        List<Conversation> group = group(conversation);
        String chosen = lastChannel(group);
        if (!outbound.channels().contains(chosen)) {
            throw AgentDeskException.invalid("no adapter sends on channel '" + chosen + "'");
        }
        Reachable reachable = addressOn(conversation, chosen);
        StoredMessage message = new StoredMessage(Ids.next("m-"), chosen, Direction.OUTBOUND,
                StoredMessage.HELP_DESK_AUTHOR, question, clock.instant(), Ids.next("rating:"));
        RatingRequest request = asking.ask(reachable.conversationId(), chosen);
        return deliver(conversationId, reachable, message, request, Set.of());
    }

    /** Makes the satisfaction question of a customer's thread, asked on a channel, before it is sent. */
    @FunctionalInterface
    interface Asking {
        RatingRequest ask(String threadId, String channel);
    }

    /** Stores a message of the desk in the customer's thread, tells the other agents, and hands it to its adapter. */
    private Sent deliver(String conversationId, Reachable reachable, StoredMessage message, RatingRequest rating,
                         Set<String> others) {
        // Into the thread of the customer whose address it goes to: his devices read his own thread.
        conversations.record(reachable.conversationId(), null, List.of(message), null);
        if (!others.isEmpty()) {
            events.publish(new DeskEvent(DeskEvent.Type.MESSAGE, conversationId, others, message.at()));
        }
        try {
            outbound.send(new OutboundMessage(message.id(), reachable.conversationId(), Channel.of(message.channel()),
                    reachable.address(), Reply.answer(message.text(),
                    rating == null ? Reply.Source.AGENT : Reply.Source.SYSTEM, List.of()), rating));
            return new Sent(message, true, null);
        } catch (RuntimeException e) {
            return new Sent(message, false, e.getMessage());
        }
    }

    private List<Conversation> group(Conversation conversation) {
        return merging.group(conversation).stream()
                .map(member -> member.conversationId().equals(conversation.id()) ? Optional.of(conversation)
                        : conversations.get(member.conversationId()))
                .flatMap(Optional::stream).toList();
    }

    /**
     * Greets the customer on his last channel once an agent accepted him, with the configured greeting
     * ({@code {agent}} becomes the agent's display name); nothing when no greeting is configured. A greeting
     * that cannot go out (no adapter sends on that channel) is logged and skipped: the claim stands.
     */
    public void greet(AgentAccount agent, String conversationId) {
        if (greeting.isEmpty()) {
            return;
        }
        try {
            send(agent, conversationId, greeting.replace("{agent}", agent.displayName()), null, null);
        } catch (AgentDeskException e) {
            LOG.info("No greeting for conversation {}: {}", conversationId, e.getMessage());
        }
    }

    /**
     * The agent is typing an answer in an active conversation he takes part in: the customer's live client on the
     * channel he was last heard on (the web chat) shows it for a few seconds. Nothing is stored; nothing happens when
     * the customer has not written yet or his channel shows no such news.
     */
    public void typing(AgentAccount by, String conversationId) {
        Conversation conversation = taking(by, conversationId);
        List<Conversation> group = group(conversation);
        if (group.stream().allMatch(thread -> thread.lastHeard() == null)) {
            return;
        }
        String channel = lastChannel(group);
        if (outbound.channels().contains(channel)) {
            Reachable reachable = addressOn(conversation, channel);
            outbound.signal(channel, reachable.conversationId(), new AgentSignal(AgentSignal.Kind.TYPING, by.displayName()));
        }
    }

    /**
     * The agent saw the thread (of a merged group: the one that holds the message) up to message {@code messageId}:
     * the agents' read mark moves there, durably, and the customer's live client is told. Only for an agent who takes
     * part in the conversation or owns it: another (a manager looking in) marks nothing.
     *
     * @return whether the mark moved
     */
    public boolean read(AgentAccount by, String conversationId, String messageId) {
        boolean involved = assignments.get(conversationId)
                .filter(a -> a.participants().contains(by.username()) || by.username().equals(a.owner())).isPresent();
        Conversation conversation = conversations.get(conversationId).orElse(null);
        if (!involved || conversation == null || messageId == null) {
            return false;
        }
        for (Conversation thread : group(conversation)) {
            Optional<Conversation> after = conversations.markRead(thread.id(), Conversation.Reader.AGENTS, messageId);
            if (after.isPresent()) {
                String channel = after.get().lastHeard();
                if (channel != null && outbound.channels().contains(channel)) {
                    outbound.signal(channel, thread.id(), new AgentSignal(AgentSignal.Kind.READ, by.displayName()));
                }
                return true;
            }
        }
        return false;
    }

    /** The header of an active conversation the agent takes part in. */
    private Conversation taking(AgentAccount by, String conversationId) {
        assignments.get(conversationId)
                .filter(a -> a.stage() == Assignment.Stage.ACTIVE && a.participants().contains(by.username()))
                .orElseThrow(() -> AgentDeskException.notFound("you take part in no active conversation " + conversationId));
        return conversations.get(conversationId)
                .orElseThrow(() -> AgentDeskException.notFound("no conversation " + conversationId));
    }

    /** The channel the customer of a merged group wrote on last. */
    private static String lastChannel(List<Conversation> group) {
        return group.stream().filter(thread -> thread.lastHeard() != null)
                .max(Comparator.comparing(Conversation::lastHeardAt))
                .map(Conversation::lastHeard)
                .orElseThrow(() -> AgentDeskException.invalid("the customer has not written yet: pick a channel"));
    }

    /** Where an answer on a channel goes, and whose thread keeps it. */
    private record Reachable(CustomerAddress address, String conversationId) {
    }

    /** The customer's address on the channel, or that of a customer merged into him (his own first). */
    private Reachable addressOn(Conversation conversation, String channel) {
        for (CustomerMerging.Member member : merging.group(conversation)) {
            Optional<Conversation> own = member.conversationId().equals(conversation.id()) ? Optional.of(conversation)
                    : conversations.get(member.conversationId());
            Optional<CustomerAddress> address = own.flatMap(thread -> addresses.on(thread, channel));
            if (address.isPresent()) {
                return new Reachable(address.get(), member.conversationId());
            }
        }
        throw AgentDeskException.conflict("the customer has no address on channel '" + channel + "'");
    }
}
