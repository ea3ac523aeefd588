package dev.switchboard.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.HelpDesk;

/**
 * What the customer does in his chat that is not a message, for a conversation he may read (the caller checked it,
 * with his token or his signed id):
 * <ul>
 *   <li>{@code POST /api/conversations/{id}/typing}, no body needed: the agents who have the conversation see that he
 *       is typing, for a few seconds; 200 {@code {"conversationId": "..."}}. The widget sends it at most every few
 *       seconds while he types;</li>
 *   <li>{@code POST /api/conversations/{id}/read} with {@code {"messageId": "..."}}, the newest message he saw: the
 *       agents' desktops show their messages up to it as read; 200 {@code {"conversationId": "...", "moved": true}}
 *       ({@code false} when the mark was there already or the thread has no such message); 400
 *       {@code invalid-request} without a message id.</li>
 * </ul>
 */
final class CustomerActivityCall {
    /** The longest message id taken (ids the help desk makes are far shorter). */
    static final int MAX_MESSAGE_ID_LENGTH = 200;

    private final HelpDesk helpDesk;

    CustomerActivityCall(HelpDesk helpDesk) {
        this.helpDesk = helpDesk;
    }

    byte[] typing(String conversationId) {
        helpDesk.customerTyping(conversationId);
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("conversationId", conversationId);
            json.writeEndObject();
        });
    }

    byte[] read(String conversationId, JsonRequestBody body) {
        String messageId = messageId(body);
        boolean moved = helpDesk.customerRead(conversationId, messageId);
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("conversationId", conversationId);
            json.writeBooleanField("moved", moved);
            json.writeEndObject();
        });
    }

    private static String messageId(JsonRequestBody body) {
        JsonNode root = HelpRequestParser.readTree(body);
        if (root == null || root.isMissingNode()) {
            throw ApiException.badRequest(JsonErrors.MALFORMED_JSON, "the body is empty; send {\"messageId\": \"...\"}");
        }
        JsonNode id = root.isObject() ? root.get("messageId") : null;
        if (id == null || !id.isTextual() || id.textValue().isBlank()
                || id.textValue().length() > MAX_MESSAGE_ID_LENGTH) {
            throw ApiException.badRequest(JsonErrors.INVALID_REQUEST,
                    "messageId must be the id of a message of the thread (a string of at most "
                            + MAX_MESSAGE_ID_LENGTH + " characters)");
        }
        return id.textValue();
    }
}
