package dev.switchboard.adapter.twilio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Which message of which conversation a text we send through Twilio is, carried in its status callback's URL
 * ({@code /twilio/status?conversation=...&message=...}). Twilio signs the URL it calls, query included, so the
 * callback tells which thread message to update without a table of Twilio's MessageSids.
 *
 * @param conversationId the conversation ({@code Outcome.conversationId})
 * @param messageId      the message in it
 */
record OutgoingMessage(String conversationId, String messageId) {
    static final String CONVERSATION = "conversation";
    static final String MESSAGE = "message";

    OutgoingMessage {
        if (conversationId == null || conversationId.isBlank() || messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("a status callback names both a conversation and a message");
        }
    }

    /** {@code conversation=...&message=...}, URL-encoded. */
    String statusCallbackQuery() {
        return CONVERSATION + "=" + URLEncoder.encode(conversationId, StandardCharsets.UTF_8) + "&" + MESSAGE + "="
                + URLEncoder.encode(messageId, StandardCharsets.UTF_8);
    }

    /** The message a status callback's query names; empty when it names none. */
    static Optional<OutgoingMessage> fromStatusCallbackQuery(Map<String, String> query) {
        if (!query.containsKey(CONVERSATION) && !query.containsKey(MESSAGE)) {
            return Optional.empty();
        }
        return Optional.of(new OutgoingMessage(query.get(CONVERSATION), query.get(MESSAGE)));
    }
}
