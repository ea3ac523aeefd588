package dev.switchboard.adapter.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.ThreadMessage;
import java.io.IOException;
import java.util.Locale;

/**
 * Writes a page of a conversation thread as the customer may read it:
 * <pre>{@code
 * {"conversationId": "...",
 *  "messages": [{"id": "...", "channel": "sms", "direction": "inbound" | "outbound",
 *                "author": "you", "text": "...", "at": "2025-11-23T10:15:30Z"}],
 *  "olderCursor": "..." | null,
 *  "ratingAsked": true | false,
 *  "readUpTo": "2025-11-23T10:16:02.123456Z" | null}
 * }</pre>
 * The page holds the newest messages asked for, oldest first; {@code at} is ISO-8601 in UTC. {@code olderCursor},
 * sent back as {@code ?before=}, reads the messages before these; {@code null} when the page starts the thread.
 * {@code ratingAsked} says the help desk asks the customer to rate the help he got ({@link CustomerRatingCall}).
 * {@code readUpTo}: an agent has read every message sent at or before that time ({@code null}: none yet).
 */
final class ConversationJson {

    private ConversationJson() {
    }

    static byte[] write(ConversationView conversation) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("conversationId", conversation.id());
            json.writeArrayFieldStart("messages");
            for (ThreadMessage message : conversation.messages()) {
                json.writeStartObject();
                writeMessageFields(json, message);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("olderCursor", conversation.olderCursor());
            json.writeBooleanField("ratingAsked", conversation.ratingAsked());
            json.writeStringField("readUpTo", readUpTo(conversation));
            json.writeEndObject();
        });
    }

    static String readUpTo(ConversationView conversation) {
        return conversation.readUpTo() == null ? null : conversation.readUpTo().toString();
    }

    /** A thread message's fields, as the conversation lists them and the push stream sends them. */
    static void writeMessageFields(JsonGenerator json, ThreadMessage message) throws IOException {
        json.writeStringField("id", message.id());
        json.writeStringField("channel", message.channel() == null ? null : message.channel().id());
        json.writeStringField("direction",
                message.direction() == null ? null : message.direction().name().toLowerCase(Locale.ROOT));
        json.writeStringField("author", message.author());
        json.writeStringField("text", message.text());
        json.writeStringField("at", message.at() == null ? null : message.at().toString());
    }
}
