package dev.switchboard.adapter.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.switchboard.spi.ThreadMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The text of the push stream (server-sent events): one {@code message} event per message of the thread,
 * its id the message's id (what the app sends back as {@code Last-Event-ID} to resume), its data the message
 * as {@code GET /api/conversations/{id}} lists it; an {@code older} event, without an id, whose data
 * {@code {"olderCursor": "..."}} names the messages before those the stream sends next (the app reads them with
 * {@code GET /api/conversations/{id}?before=}); a {@code rating-asked} event, without an id, data
 * {@code {"ratingAsked": true}}, when the help desk asks the customer to rate the help he got (the app shows its
 * scale: {@code POST /api/conversations/{id}/rating}); a {@code read} event, data {@code {"readUpTo": "..."}}, when
 * the agents read the thread further (every message sent at or before that time is read); a {@code typing} event,
 * data {@code {"author": "Anna"}}, when an agent is typing (shown for a few seconds, until the next one or his
 * message); comments as heartbeats; error bodies as JSON
 * {@code {"error", "message"}}.
 */
final class PushEvents {
    private static final JsonFactory JSON = new JsonFactory();

    private PushEvents() {
    }

    static byte[] message(ThreadMessage message) {
        String data = json(json -> ConversationJson.writeMessageFields(json, message));
        // An id with a line break would end the field early; thread ids never have one, but the stream stays whole.
        return ("id: " + message.id().replaceAll("[\\r\\n]", "") + "\nevent: message\ndata: " + data + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Tells the app that the thread has messages before those sent next, and the cursor that reads them. */
    static byte[] older(String olderCursor) {
        String data = json(json -> json.writeStringField("olderCursor", olderCursor));
        return ("event: older\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Tells the app that the customer is asked to rate the help he got. */
    static byte[] ratingAsked() {
        return "event: rating-asked\ndata: {\"ratingAsked\": true}\n\n".getBytes(StandardCharsets.UTF_8);
    }

    /** Tells the app how far the agents have read the thread. */
    static byte[] read(String readUpTo) {
        String data = json(json -> json.writeStringField("readUpTo", readUpTo));
        return ("event: read\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Tells the app that an agent is typing an answer. */
    static byte[] typing(String author) {
        String data = json(json -> json.writeStringField("author", author));
        return ("event: typing\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A comment line: keeps idle connections open through proxies and tells a dead one. */
    static byte[] heartbeat() {
        return ": still here\n\n".getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON error body of a refused stream request. */
    static byte[] error(String code, String message) {
        return json(json -> {
            json.writeStringField("error", code);
            json.writeStringField("message", message);
        }).getBytes(StandardCharsets.UTF_8);
    }

    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    /** One JSON object on one line (JsonGenerator escapes line breaks inside strings). */
    private static String json(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
