package dev.switchboard.adapter.wap;

import dev.switchboard.render.SampleReplies;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.CustomerTokenRequiredException;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A help desk in memory with the hub's rules an adapter relies on: one conversation per address, a token
 * issued on first contact, a self-asserted address continued only with its token, a repeated key answered
 * with the first outcome. It answers "Answer to: ..." with one topic, and a question starting with "long"
 * with {@link #LONG_ANSWER}. Like the hub, it adds the sample service points near Kraków ({@link
 * SampleReplies#nearbyPoints()}) in {@link #REGION} to the answer of a question that came with a location
 * or a place name. It records every interaction it took.
 */
final class RecordingHelpDesk implements HelpDesk {
    static final String REGION = "Lesser Poland";
    static final String LONG_ANSWER = String.join(" ", java.util.stream.IntStream.rangeClosed(1, 60)
            .mapToObj(i -> "Step " + i + " of the long answer.").toList());

    private final List<Interaction> taken = new ArrayList<>();
    private final Map<String, Thread> byAddress = new HashMap<>();
    private final Map<String, Thread> byConversation = new HashMap<>();
    private final Map<String, Outcome> byKey = new HashMap<>();

    private static final class Thread {
        final String id = "cv-" + UUID.randomUUID();
        final String token = "token-" + UUID.randomUUID();
        final List<ThreadMessage> messages = new ArrayList<>();
    }

    @Override
    public synchronized Outcome submit(Interaction interaction, String customerToken) {
        String address = interaction.address().key();
        Thread thread = byAddress.get(address);
        boolean tokenValid = thread != null && thread.token.equals(customerToken);
        if (thread != null && interaction.address().selfAsserted() && !tokenValid) {
            throw new CustomerTokenRequiredException("token required");
        }
        String dedupe = address + "|" + interaction.idempotencyKey();
        Outcome first = interaction.repeatable() ? byKey.get(dedupe) : null;
        if (first != null) {
            return new Outcome(first.conversationId(), tokenValid ? customerToken : null, first.reply(), first.rendered(), true);
        }
        boolean opened = thread == null;
        if (opened) {
            thread = new Thread();
            byAddress.put(address, thread);
            byConversation.put(thread.id, thread);
        }
        taken.add(interaction);
        Reply reply = interaction.text().startsWith("long")
                ? Reply.answer(LONG_ANSWER, Reply.Source.KNOWLEDGE_BASE, List.of("Opening hours"))
                : Reply.answer("Answer to: " + interaction.text(), Reply.Source.KNOWLEDGE_BASE, List.of("Opening hours"));
        DeviceContext context = interaction.context();
        if (context != null && (context.location() != null || context.placeName() != null)) {
            reply = reply.withNearby(SampleReplies.nearbyPoints(), REGION);
        }
        thread.messages.add(new ThreadMessage("m" + thread.messages.size(), interaction.channel(), Direction.INBOUND,
                "you", interaction.text(), interaction.receivedAt()));
        thread.messages.add(new ThreadMessage("m" + thread.messages.size(), interaction.channel(), Direction.OUTBOUND,
                "help desk", reply.text(), interaction.receivedAt().plusMillis(1)));
        Outcome outcome = new Outcome(thread.id, opened || tokenValid ? thread.token : null, reply,
                new RenderedReply("text/plain", reply.text()), false);
        if (interaction.repeatable()) {
            byKey.put(dedupe, outcome);
        }
        return outcome;
    }

    @Override
    public synchronized Optional<ConversationView> conversation(String conversationId, String customerToken) {
        Thread thread = byConversation.get(conversationId);
        if (thread == null || !thread.token.equals(customerToken)) {
            return Optional.empty();
        }
        return Optional.of(new ConversationView(thread.id, null, thread.messages));
    }

    @Override
    public synchronized Optional<ConversationView> conversationOf(E164Number vouchedNumber) {
        Thread thread = byAddress.get(vouchedNumber.key());
        return thread == null ? Optional.empty() : Optional.of(new ConversationView(thread.id, null, thread.messages));
    }

    @Override
    public void reportDelivery(String conversationId, String messageId, DeliveryStatus status, String detail) {
        throw new UnsupportedOperationException("WAP pages have no delivery reports");
    }

    @Override
    public List<String> topics() {
        return List.of("Opening hours");
    }

    /** An agent's reply in the conversation of {@code conversationId}. */
    synchronized void agentReplies(String conversationId, String agent, String text, Instant at) {
        byConversation.get(conversationId).messages.add(
                new ThreadMessage("agent-" + at.toEpochMilli(), Channel.WEB_CHAT, Direction.OUTBOUND, agent, text, at));
    }

    synchronized String conversationOf(String addressKey) {
        return byAddress.get(addressKey).id;
    }

    synchronized List<Interaction> taken() {
        return List.copyOf(taken);
    }

    synchronized Interaction last() {
        return taken.get(taken.size() - 1);
    }

    /** Every customer token issued so far, to check that none reaches a page. */
    synchronized List<String> tokens() {
        return byAddress.values().stream().map(thread -> thread.token).toList();
    }
}
