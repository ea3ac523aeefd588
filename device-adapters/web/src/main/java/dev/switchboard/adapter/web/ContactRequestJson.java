package dev.switchboard.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.InvalidAddressException;

/**
 * Reads the {@code "request"} member of a message body: {@code {"kind": "call-back" | "text-me", "phone":
 * "+447700900123", "text": "..."}} ({@code text} only for {@code text-me}, optional). Refusals name the field.
 */
final class ContactRequestJson {

    private ContactRequestJson() {
    }

    /** @return the request, or {@code null} when the member is absent */
    static ContactRequest read(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw refused("request must be a JSON object");
        }
        E164Number phone = phone(node.get("phone"));
        String kind = node.path("kind").isTextual() ? node.get("kind").textValue() : null;
        if ("call-back".equals(kind)) {
            return ContactRequest.callBack(phone);
        }
        if (!"text-me".equals(kind)) {
            throw refused("request.kind must be call-back or text-me");
        }
        JsonNode text = node.get("text");
        if (text == null || text.isNull()) {
            return ContactRequest.textLatestAnswer(phone);
        }
        if (!text.isTextual() || text.textValue().isBlank()) {
            throw refused("request.text must be a non-blank string");
        }
        try {
            return ContactRequest.text(phone, text.textValue());
        } catch (IllegalArgumentException e) {
            throw refused("request." + e.getMessage());
        }
    }

    private static E164Number phone(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw refused("request.phone is missing; give a number in international form, such as +447700900123");
        }
        try {
            return new E164Number(node.textValue());
        } catch (InvalidAddressException e) {
            throw refused("request.phone: " + e.getMessage());
        }
    }

    private static ApiException refused(String reason) {
        return ApiException.badRequest(JsonErrors.INVALID_CONTACT_REQUEST, reason);
    }
}
