package dev.switchboard.hub.domain;

import java.time.Instant;

/**
 * A customer record: one person, whatever devices he reaches us from. His addresses point here through
 * {@link AddressLink}s.
 *
 * @param id             the customer id
 * @param conversationId his one conversation thread
 * @param createdAt      when he first reached us
 */
public record Customer(String id, String conversationId, Instant createdAt) {
}
