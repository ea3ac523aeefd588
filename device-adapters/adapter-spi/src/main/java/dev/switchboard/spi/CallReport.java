package dev.switchboard.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a phone call went, for the customer's thread: a call back the help desk placed, or a call the
 * customer made to the help number. Reported by the voice adapter through {@link HelpDesk#reportCall}.
 *
 * @param callId    the channel's id of the call (Twilio's CallSid); with {@code status}, what makes a
 *                  repeated report harmless
 * @param direction who called whom
 * @param customer  the customer's number
 * @param status    the call's status in the channel's words ({@code completed}, {@code no-answer},
 *                  {@code busy}, {@code failed}, {@code canceled}, ...)
 * @param startedAt when the call was answered, or {@code null} when it never was
 * @param duration  how long it lasted, or {@code null} when it never was answered
 */
public record CallReport(String callId, Direction direction, E164Number customer, String status, Instant startedAt,
                         Duration duration) {

    public enum Direction {
        /** The help desk called the customer back. */
        CALL_BACK,
        /** The customer called the help number. */
        INCOMING
    }

    public CallReport {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(status, "status");
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("a call's duration cannot be negative");
        }
    }
}
