package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.DeliveryStatus;
import java.util.Map;

/**
 * One status callback of Twilio's for a message we sent: which message, how far it got and, when it failed,
 * Twilio's error code.
 *
 * @param messageSid Twilio's id of the outgoing message (the one the REST API gave back when we sent it)
 * @param status     its status now
 * @param errorCode  Twilio's error code ({@code 30003}: unreachable handset, ...), or {@code null}
 * @param message    which message of which thread it is, when we said so in the callback's URL (see
 *                   {@link OutgoingMessage#statusCallbackQuery()}); otherwise {@code null}
 */
record StatusCallback(String messageSid, MessageStatus status, String errorCode, OutgoingMessage message) {

    /** A callback that does not say which message or what happened to it; the message says why. */
    static final class InvalidCallbackException extends Exception {
        InvalidCallbackException(String message) {
            super(message);
        }
    }

    /**
     * Reads Twilio's parameters {@code MessageSid}, {@code MessageStatus} and {@code ErrorCode}, and from the URL's
     * query the thread message it is about, if given.
     */
    static StatusCallback parse(Map<String, String> form, Map<String, String> query) throws InvalidCallbackException {
        String messageSid = form.getOrDefault("MessageSid", form.getOrDefault("SmsSid", "")).trim();
        if (messageSid.isEmpty()) {
            throw new InvalidCallbackException("MessageSid is missing");
        }
        String statusName = form.getOrDefault("MessageStatus", form.getOrDefault("SmsStatus", "")).trim();
        if (statusName.isEmpty()) {
            throw new InvalidCallbackException("MessageStatus is missing");
        }
        MessageStatus status = MessageStatus.fromTwilio(statusName).orElseThrow(() ->
                new InvalidCallbackException("MessageStatus '" + statusName + "' is not one Twilio documents"));
        String errorCode = form.getOrDefault("ErrorCode", "").trim();
        if (!errorCode.isEmpty() && !errorCode.matches("[0-9]{1,6}")) {
            throw new InvalidCallbackException("ErrorCode is not a Twilio error code: '" + errorCode + "'");
        }
        OutgoingMessage message;
        try {
            message = OutgoingMessage.fromStatusCallbackQuery(query).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new InvalidCallbackException(e.getMessage());
        }
        return new StatusCallback(messageSid, status, errorCode.isEmpty() ? null : errorCode, message);
    }

    /** For a failed message, what went wrong as Twilio said it ({@code "undelivered, Twilio error 30003"}); else {@code null}. */
    String failureDetail() {
        if (status.delivery() != DeliveryStatus.FAILED) {
            return null;
        }
        return errorCode == null ? status.twilioName() : status.twilioName() + ", Twilio error " + errorCode;
    }
}
