package dev.switchboard.adapter.web;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.CustomerTokenRequiredException;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.QueueStatus;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A help desk that keeps conversations in memory and follows the {@link HelpDesk} contract closely enough
 * for the API's tests: tokens guard self-asserted addresses, a repeated idempotency key gives the first
 * outcome again, and a text asking for an agent queues the customer.
 */
final class InMemoryHelpDesk implements HelpDesk {

    private record Conversation(String id, CustomerAddress address, String token, List<ThreadMessage> messages) {
    }

    private final Map<String, Conversation> conversations = new HashMap<>();
    private final Map<String, Conversation> byAddress = new HashMap<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final List<Interaction> submitted = new ArrayList<>();
    private RuntimeException nextFailure;
    private int counter;

    /** Makes the next {@link #submit} throw {@code failure}. */
    synchronized void failNextSubmitWith(RuntimeException failure) {
        nextFailure = failure;
    }

    synchronized List<Interaction> submitted() {
        return List.copyOf(submitted);
    }

    synchronized Interaction lastSubmitted() {
        return submitted.get(submitted.size() - 1);
    }

    @Override
    public synchronized Outcome submit(Interaction interaction, String customerToken) {
        if (nextFailure != null) {
            RuntimeException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        String key = interaction.address().key() + "|" + interaction.idempotencyKey();
        Outcome first = outcomes.get(key);
        if (first != null) {
            return new Outcome(first.conversationId(), customerToken, first.reply(), first.rendered(), true);
        }
        Conversation conversation = byAddress.get(interaction.address().key());
        String token;
        if (conversation == null) {
            counter++;
            token = "token-" + counter + "-secret";
            conversation = new Conversation("c-" + counter, interaction.address(), token, new ArrayList<>());
            conversations.put(conversation.id(), conversation);
            byAddress.put(interaction.address().key(), conversation);
        } else if (interaction.address().selfAsserted() && !conversation.token().equals(customerToken)) {
            throw new CustomerTokenRequiredException("this visitor id belongs to a customer; send the customer token");
        } else {
            token = customerToken;
        }
        submitted.add(interaction);
        Reply reply = interaction.text().contains("agent")
                ? Reply.queued("An agent will be with you soon.", new QueueStatus(2, Duration.ofSeconds(90), true))
                : Reply.answer("Restart the router.", Reply.Source.KNOWLEDGE_BASE, List.of("billing", "roaming"));
        List<ThreadMessage> messages = conversation.messages();
        messages.add(new ThreadMessage("m-" + (messages.size() + 1), interaction.channel(),
                ThreadMessage.Direction.INBOUND, "you", interaction.text(), interaction.receivedAt()));
        messages.add(new ThreadMessage("m-" + (messages.size() + 1), Channel.WEB_CHAT,
                ThreadMessage.Direction.OUTBOUND, "help desk", reply.text(), interaction.receivedAt()));
        Outcome outcome = new Outcome(conversation.id(), token, reply,
                new RenderedReply(DeviceProfile.HTML5.contentType(), "<p>" + reply.text() + "</p>"), false);
        outcomes.put(key, outcome);
        return outcome;
    }

    @Override
    public synchronized Optional<ConversationView> conversation(String conversationId, String customerToken) {
        Conversation conversation = conversations.get(conversationId);
        if (conversation == null || !conversation.token().equals(customerToken)) {
            return Optional.empty();
        }
        return Optional.of(new ConversationView(conversation.id(), conversation.address(), conversation.messages()));
    }

    @Override
    public void reportDelivery(String conversationId, String messageId, DeliveryStatus status, String detail) {
        throw new UnsupportedOperationException("the web API has no delivery reports");
    }

    @Override
    public List<String> topics() {
        return List.of();
    }
}
