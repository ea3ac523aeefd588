package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.CallReport;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A help desk that keeps what it was given and answers "Got it: <text>" as TwiML, once per idempotency key
 * and address, as the hub does; a text longer than 2,000 characters is refused as the hub refuses one over
 * its limit; the text "break the help desk" makes it fail as a help desk whose database is gone. It keeps each
 * call report once per call and status.
 */
final class RecordingHelpDesk implements HelpDesk {
    final List<Interaction> processed = new CopyOnWriteArrayList<>();
    /** While set, every call fails as a help desk whose database is gone. */
    volatile boolean failing;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    @Override
    public Outcome submit(Interaction interaction, String customerToken) {
        if (failing || interaction.text().equals("break the help desk")) {
            throw new IllegalStateException("the database is gone");
        }
        if (interaction.text().length() > 2_000) {
            throw new IllegalArgumentException("the text is longer than 2000 characters");
        }
        String key = interaction.address().key() + "|" + interaction.idempotencyKey();
        Outcome first = outcomes.computeIfAbsent(key, k -> {
            processed.add(interaction);
            Reply reply = Reply.answer("Got it: " + interaction.text(), Reply.Source.SYSTEM, List.of());
            return new Outcome("cv-" + processed.size(), "token", reply, TestRenderer.INSTANCE.render(
                    interaction.profile(), reply), false);
        });
        return processed.stream().anyMatch(i -> i == interaction) ? first
                : new Outcome(first.conversationId(), null, first.reply(), first.rendered(), true);
    }

    /** Keeps a contact once per idempotency key and address, like a message, but without a reply. */
    @Override
    public String note(Interaction interaction) {
        notes.add(interaction);
        return submit(interaction, null).conversationId();
    }

    /** The interactions handed in as notes (they are in {@link #processed} too, once). */
    final List<Interaction> notes = new CopyOnWriteArrayList<>();

    @Override
    public Optional<ConversationView> conversation(String conversationId, String customerToken) {
        return Optional.empty();
    }

    /** One delivery report as the help desk got it. */
    record DeliveryReport(String conversationId, String messageId, DeliveryStatus status, String detail) {
    }

    final List<DeliveryReport> deliveryReports = new CopyOnWriteArrayList<>();

    @Override
    public void reportDelivery(String conversationId, String messageId, DeliveryStatus status, String detail) {
        deliveryReports.add(new DeliveryReport(conversationId, messageId, status, detail));
    }

    /** One call report as the help desk kept it. */
    record CallLog(String conversationId, CallReport report) {
    }

    final List<CallLog> callLogs = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> callsLogged = new ConcurrentHashMap<>();

    /** Keeps a report once per call and status, as the hub does. */
    @Override
    public void reportCall(String conversationId, CallReport report) {
        if (failing) {
            throw new IllegalStateException("the database is gone");
        }
        if (callsLogged.putIfAbsent(report.callId() + "|" + report.status(), true) == null) {
            callLogs.add(new CallLog(conversationId, report));
        }
    }

    @Override
    public List<String> topics() {
        return List.of();
    }

    /** A stand-in for the renderers module: the reply's text in a TwiML message, XML-escaped. */
    enum TestRenderer implements dev.switchboard.spi.ReplyRenderer {
        INSTANCE;

        @Override
        public RenderedReply render(dev.switchboard.spi.DeviceProfile profile, Reply reply) {
            String text = reply.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            return new RenderedReply(profile.contentType(),
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Message>" + text + "</Message></Response>");
        }
    }
}
