package dev.switchboard.desk;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's message that came while no agent was on duty and the knowledge base had no answer for it.
 *
 * @param id             its id
 * @param conversationId the customer's conversation, where the message is in the thread too
 * @param customerId     the customer
 * @param from           the address he wrote from, as {@code kind:value} ({@code email:anna@example.com})
 * @param channel        the channel it came by
 * @param text           what he wrote
 * @param at             when it came
 * @param status         open until a manager resolves it
 * @param resolvedBy     the manager who resolved it, or {@code null}
 * @param resolvedAt     when, or {@code null}
 * @param note           what the manager noted when resolving it, or {@code null}
 */
public record OfflineMessage(String id, String conversationId, String customerId, String from, String channel,
                             String text, Instant at, Status status, String resolvedBy, Instant resolvedAt,
                             String note) {

    public enum Status { OPEN, RESOLVED }

    public OfflineMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    /** A message just left. */
    static OfflineMessage open(String id, String conversationId, String customerId, String from, String channel,
                               String text, Instant at) {
        return new OfflineMessage(id, conversationId, customerId, from, channel, text, at, Status.OPEN, null, null,
                null);
    }

    OfflineMessage resolved(String by, Instant when, String resolutionNote) {
        return new OfflineMessage(id, conversationId, customerId, from, channel, text, at, Status.RESOLVED, by, when,
                resolutionNote);
    }
}
