package dev.switchboard.adapter.itv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.Rating;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.SetTopId;
import dev.switchboard.spi.ThreadMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The TV API's answers:
 * <pre>{@code
 * outcome:      {"conversationId", "customerToken" | null, "setTopId", "duplicate",
 *                "reply": {"view", "text", "source", "topics": [...], "html": "<hbbtv fragment>",
 *                          "messageId" | null}}
 * conversation: {"conversationId", "messages": [{"id", "direction", "author", "text", "at", "fromAgent"}],
 *                "olderCursor" | null, "ratingAsked"}
 * rated:        {"conversationId", "setTopId", "rating": {"score"}, "reply": {"view": "answer", "text"}}
 * error:        {"error": "<code>", "message": "<reason>"}
 * }</pre>
 * {@code fromAgent} marks what a person at the help desk wrote (outbound, not the hub's own answers), which
 * the overlay shows as the agent's reply. A conversation is a page of the thread, its messages oldest first;
 * {@code olderCursor} reads the page before it ({@code ?before=}), {@code null} at the thread's start. A reply's {@code messageId} names it in the thread, so that the
 * overlay can ask for the answer on its screen to be texted.
 */
final class TvJson {
    /** How the hub signs its own answers in a thread ({@link ThreadMessage#author()}). */
    static final String HUB_AUTHOR = "help desk";

    private static final JsonFactory FACTORY = new JsonFactory();

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private TvJson() {
    }

    static byte[] outcome(Outcome outcome, SetTopId setTopId) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("conversationId", outcome.conversationId());
            json.writeStringField("customerToken", outcome.customerToken());
            json.writeStringField("setTopId", setTopId.value());
            json.writeBooleanField("duplicate", outcome.duplicate());
            Reply reply = outcome.reply();
            json.writeObjectFieldStart("reply");
            json.writeStringField("view", reply.view().templateName());
            json.writeStringField("text", reply.text());
            json.writeStringField("source", reply.source().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            json.writeArrayFieldStart("topics");
            for (String topic : reply.topics()) {
                json.writeString(topic);
            }
            json.writeEndArray();
            json.writeStringField("html", outcome.rendered() == null ? null : outcome.rendered().body());
            json.writeStringField("messageId", outcome.replyMessageId());
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    static byte[] conversation(ConversationView conversation) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("conversationId", conversation.id());
            json.writeArrayFieldStart("messages");
            for (ThreadMessage message : conversation.messages()) {
                boolean outbound = message.direction() == ThreadMessage.Direction.OUTBOUND;
                json.writeStartObject();
                json.writeStringField("id", message.id());
                json.writeStringField("direction", outbound ? "outbound" : "inbound");
                json.writeStringField("author", message.author());
                json.writeStringField("text", message.text());
                json.writeStringField("at", message.at() == null ? null : message.at().toString());
                json.writeBooleanField("fromAgent", outbound && !HUB_AUTHOR.equals(message.author()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("olderCursor", conversation.olderCursor());
            json.writeBooleanField("ratingAsked", conversation.ratingAsked());
            json.writeEndObject();
        });
    }

    /** A rating stored (see {@link TvSatisfaction}), with the words that thank the viewer. */
    static byte[] rated(String conversationId, SetTopId setTopId, Rating rating, String thanks) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("conversationId", conversationId);
            json.writeStringField("setTopId", setTopId.value());
            json.writeObjectFieldStart("rating");
            json.writeNumberField("score", rating.score());
            json.writeEndObject();
            json.writeObjectFieldStart("reply");
            json.writeStringField("view", "answer");
            json.writeStringField("text", thanks);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    static byte[] error(String code, String message) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("error", code);
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write JSON to memory", e);
        }
        return bytes.toByteArray();
    }
}
