package dev.switchboard.adapter.email;

import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ReplyRenderer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A help desk that keeps what it was given and answers "Got it: <text>", once per idempotency key and address,
 * as the hub does; a text longer than 2,000 characters is refused as the hub refuses one over its limit; while
 * {@link #broken} is set it fails as a help desk whose database is gone.
 */
final class RecordingHelpDesk implements HelpDesk {
    final List<Interaction> processed = new CopyOnWriteArrayList<>();
    volatile boolean broken;
    private final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    @Override
    public Outcome submit(Interaction interaction, String customerToken) {
        attempts.incrementAndGet();
        if (broken) {
            throw new IllegalStateException("the database is gone");
        }
        if (interaction.text().length() > 2_000) {
            throw new IllegalArgumentException("the text is longer than 2000 characters");
        }
        String key = interaction.address().key() + "|" + interaction.idempotencyKey();
        boolean[] first = {false};
        Outcome outcome = outcomes.computeIfAbsent(key, k -> {
            first[0] = true;
            processed.add(interaction);
            Reply reply = Reply.answer("Got it: " + interaction.text(), Reply.Source.SYSTEM, List.of());
            return new Outcome("cv-" + processed.size(), null, reply,
                    TextRenderer.INSTANCE.render(interaction.profile(), reply), false);
        });
        return first[0] ? outcome
                : new Outcome(outcome.conversationId(), null, outcome.reply(), outcome.rendered(), true);
    }

    /** How many times a message was handed in, taken or not. */
    int submitAttempts() {
        return attempts.get();
    }

    @Override
    public Optional<ConversationView> conversation(String conversationId, String customerToken) {
        return Optional.empty();
    }

    @Override
    public void reportDelivery(String conversationId, String messageId, DeliveryStatus status, String detail) {
    }

    @Override
    public List<String> topics() {
        return List.of();
    }

    /** A stand-in for the renderers module: the reply's text as it is. */
    enum TextRenderer implements ReplyRenderer {
        INSTANCE;

        @Override
        public RenderedReply render(DeviceProfile profile, Reply reply) {
            return new RenderedReply(profile.contentType(), reply.text());
        }
    }
}
