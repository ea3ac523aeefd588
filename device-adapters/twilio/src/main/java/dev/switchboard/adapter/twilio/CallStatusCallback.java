package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.CallReport;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.InvalidAddressException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One of Twilio's status callbacks for a call: a call back we placed (its URL names the conversation, see
 * {@link #query}) or a call to the help number (the number's "call status changes" URL, without a query).
 *
 * @param callSid        Twilio's id of the call
 * @param status         Twilio's {@code CallStatus} ({@code ringing}, {@code in-progress}, {@code completed}, ...)
 * @param direction      a call back or a call to the help number
 * @param customer       the customer's number: {@code To} of a call back, {@code From} of a call to us; {@code null}
 *                       for a call to us from a withheld number
 * @param conversationId for a call back, the conversation it was placed for; {@code null} for a call to us
 * @param at             when Twilio sent the callback ({@code Timestamp}), or {@code null} when it did not say
 * @param callDuration   for a finished call, how long it lasted ({@code CallDuration}), or {@code null}
 */
record CallStatusCallback(String callSid, String status, CallReport.Direction direction, E164Number customer,
                          String conversationId, Instant at, Duration callDuration) {
    static final String CONVERSATION = "conversation";

    /** The statuses Twilio documents; the last five end a call. */
    private static final Set<String> STATUSES = Set.of("queued", "initiated", "ringing", "in-progress",
            "completed", "busy", "no-answer", "failed", "canceled");
    private static final Set<String> FINAL = Set.of("completed", "busy", "no-answer", "failed", "canceled");

    /** The query of a call back's status callback URL: {@code conversation=...}, URL-encoded. */
    static String query(String conversationId) {
        return CONVERSATION + "=" + URLEncoder.encode(conversationId, StandardCharsets.UTF_8);
    }

    /** Reads Twilio's {@code CallSid}, {@code CallStatus}, {@code To}/{@code From}, {@code Timestamp}, {@code CallDuration}. */
    static CallStatusCallback parse(Map<String, String> form, Map<String, String> query)
            throws InvalidCallException {
        String callSid = IncomingCall.callSid(form);
        String status = form.getOrDefault("CallStatus", "").trim();
        if (!STATUSES.contains(status)) {
            throw new InvalidCallException(status.isEmpty() ? "CallStatus is missing"
                    : "CallStatus '" + status + "' is not one Twilio documents");
        }
        String conversationId = query.get(CONVERSATION);
        if (conversationId != null && conversationId.isBlank()) {
            throw new InvalidCallException("the conversation in the URL is empty");
        }
        CallReport.Direction direction = conversationId == null ? CallReport.Direction.INCOMING
                : CallReport.Direction.CALL_BACK;
        E164Number customer = customer(form, direction);
        return new CallStatusCallback(callSid, status, direction, customer, conversationId,
                timestamp(form.getOrDefault("Timestamp", "")), callDuration(form.getOrDefault("CallDuration", "")));
    }

    /** Whether the call has ended (completed, busy, no-answer, failed, canceled). */
    boolean isFinal() {
        return FINAL.contains(status);
    }

    /**
     * The call's report for the thread, once it has ended: answered calls with the time they were answered
     * (the callback's time less the call's duration) and their duration, the others with neither.
     *
     * @param clock for when Twilio did not say when it sent the callback
     */
    Optional<CallReport> report(Clock clock) {
        if (!isFinal() || customer == null) {
            return Optional.empty();
        }
        boolean answered = status.equals("completed") && callDuration != null;
        Instant ended = at != null ? at : clock.instant();
        return Optional.of(new CallReport(callSid, direction, customer, status,
                answered ? ended.minus(callDuration) : null, answered ? callDuration : null));
    }

    private static E164Number customer(Map<String, String> form, CallReport.Direction direction)
            throws InvalidCallException {
        String name = direction == CallReport.Direction.CALL_BACK ? "To" : "From";
        String number = form.getOrDefault(name, "").trim();
        try {
            return new E164Number(number);
        } catch (InvalidAddressException e) {
            if (direction == CallReport.Direction.INCOMING) {
                return null; // a withheld number: the call was never kept
            }
            throw new InvalidCallException(name + " is not the customer's number: " + e.getMessage());
        }
    }

    private static Instant timestamp(String text) throws InvalidCallException {
        if (text.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidCallException("Timestamp is not a date as Twilio writes it: '" + text + "'");
        }
    }

    private static Duration callDuration(String text) throws InvalidCallException {
        if (text.isBlank()) {
            return null;
        }
        if (!text.trim().matches("[0-9]{1,7}")) {
            throw new InvalidCallException("CallDuration is not a number of seconds: '" + text + "'");
        }
        return Duration.ofSeconds(Long.parseLong(text.trim()));
    }
}
