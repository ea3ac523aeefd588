package dev.switchboard.desk;

import java.time.Instant;

/**
 * A call back a customer asked for that has not been placed yet: it waits for an agent to take the
 * conversation.
 *
 * @param number      the number to ring, E.164
 * @param requestedAt when he asked
 */
public record PendingCallBack(String number, Instant requestedAt) {
}
