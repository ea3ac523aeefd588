package dev.switchboard.adapter.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.QueueStatus;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.WebVisitorId;
import java.io.IOException;
import java.util.Locale;

/**
 * Writes the answer to a customer's message. Every key is always present; those without a value are
 * {@code null}:
 * <pre>{@code
 * {"conversationId": "...", "customerToken": "..." | null, "visitorId": "..." | null, "duplicate": false,
 *  "reply": {"view": "answer", "text": "...", "source": "knowledge-base", "topics": ["..."],
 *            "queue": {"position": 3, "estimatedWaitSeconds": 240 | null, "agentsOnDuty": true} | null,
 *            "html": "<rendered HTML5 fragment>" | null,
 *            "nearby": [{"name": "...", "address": "...", "lat": 50.06, "lon": 19.94, "distanceMeters": 48,
 *                        "openNow": true | false | null, "hours": "Mo-Fr 08:00-20:00"}],
 *            "region": "Lesser Poland" | null,
 *            "messageId": "..." | null}}
 * }</pre>
 * {@code messageId} is the reply's id in the thread ({@code GET /api/conversations/{id}} lists it), so a client
 * that also reads the thread shows the reply once.
 */
final class OutcomeJson {

    private OutcomeJson() {
    }

    /**
     * @param outcome what the help desk answered
     * @param address the address the message was sent from; its value is {@code visitorId} when it is a
     *                {@link WebVisitorId}, otherwise {@code visitorId} is {@code null}
     */
    static byte[] write(Outcome outcome, CustomerAddress address) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("conversationId", outcome.conversationId());
            json.writeStringField("customerToken", outcome.customerToken());
            json.writeStringField("visitorId", address instanceof WebVisitorId visitor ? visitor.value() : null);
            json.writeBooleanField("duplicate", outcome.duplicate());
            json.writeFieldName("reply");
            writeReply(json, outcome);
            json.writeEndObject();
        });
    }

    private static void writeReply(JsonGenerator json, Outcome outcome) throws IOException {
        Reply reply = outcome.reply();
        json.writeStartObject();
        json.writeStringField("view", reply.view().templateName());
        json.writeStringField("text", reply.text());
        json.writeStringField("source", source(reply.source()));
        json.writeArrayFieldStart("topics");
        for (String topic : reply.topics()) {
            json.writeString(topic);
        }
        json.writeEndArray();
        json.writeFieldName("queue");
        writeQueue(json, reply.queue());
        json.writeStringField("html", outcome.rendered() == null ? null : outcome.rendered().body());
        json.writeArrayFieldStart("nearby");
        for (NearbyPoint point : reply.nearby()) {
            writePoint(json, point);
        }
        json.writeEndArray();
        json.writeStringField("region", reply.region());
        json.writeStringField("messageId", outcome.replyMessageId());
        json.writeEndObject();
    }

    private static void writePoint(JsonGenerator json, NearbyPoint point) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", point.name());
        json.writeStringField("address", point.address());
        json.writeNumberField("lat", point.latitude());
        json.writeNumberField("lon", point.longitude());
        json.writeNumberField("distanceMeters", point.distanceMeters());
        json.writeFieldName("openNow");
        if (point.openNow() == null) {
            json.writeNull();
        } else {
            json.writeBoolean(point.openNow());
        }
        json.writeStringField("hours", point.hours());
        json.writeEndObject();
    }

    private static void writeQueue(JsonGenerator json, QueueStatus queue) throws IOException {
        if (queue == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("position", queue.position());
        json.writeFieldName("estimatedWaitSeconds");
        if (queue.estimatedWait() == null) {
            json.writeNull();
        } else {
            json.writeNumber(queue.estimatedWait().toSeconds());
        }
        json.writeBooleanField("agentsOnDuty", queue.agentsOnDuty());
        json.writeEndObject();
    }

    /** {@code knowledge-base}, {@code agent}, {@code system}. */
    static String source(Reply.Source source) {
        return source.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
