package dev.switchboard.adapter.smpp;

import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A help desk that keeps the {@link HelpDesk} contract the adapter relies on: each idempotency key is
 * processed once (a repeat gets the first outcome, marked duplicate, with the same reply message id), a
 * customer has one conversation, and delivery reports are recorded for the tests to look at.
 */
final class RecordingHelpDesk implements HelpDesk {
    record Report(String conversationId, String messageId, DeliveryStatus status, String detail) {
    }

    private final List<Interaction> submitted = new ArrayList<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Map<String, String> conversations = new HashMap<>();
    private final List<Report> reports = new ArrayList<>();
    private UnaryOperator<String> answers = text -> "You said: " + text;
    private RuntimeException nextFailure;
    private int counter;

    synchronized void answerWith(UnaryOperator<String> answer) {
        this.answers = answer;
    }

    synchronized void failNextSubmitWith(RuntimeException failure) {
        this.nextFailure = failure;
    }

    @Override
    public synchronized Outcome submit(Interaction interaction, String customerToken) {
        if (nextFailure != null) {
            RuntimeException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        String scoped = interaction.address().key() + "|" + interaction.idempotencyKey();
        Outcome earlier = outcomes.get(scoped);
        if (earlier != null) {
            return new Outcome(earlier.conversationId(), null, earlier.reply(), earlier.rendered(), true,
                    earlier.replyMessageId());
        }
        submitted.add(interaction);
        String conversationId = conversations.computeIfAbsent(interaction.address().key(), a -> "c-" + (++counter));
        Reply reply = Reply.answer(answers.apply(interaction.text()), Reply.Source.KNOWLEDGE_BASE, List.of());
        Outcome outcome = new Outcome(conversationId, null, reply, new RenderedReply("text/plain", reply.text()), false,
                "m-" + (++counter));
        outcomes.put(scoped, outcome);
        return outcome;
    }

    synchronized List<Interaction> submitted() {
        return List.copyOf(submitted);
    }

    synchronized List<Report> reports() {
        return List.copyOf(reports);
    }

    @Override
    public Optional<ConversationView> conversation(String conversationId, String customerToken) {
        return Optional.empty();
    }

    @Override
    public synchronized void reportDelivery(String conversationId, String messageId, DeliveryStatus status, String detail) {
        reports.add(new Report(conversationId, messageId, status, detail));
    }

    @Override
    public List<String> topics() {
        return List.of("Opening hours", "Reset password", "Roaming abroad");
    }
}
