package dev.switchboard.hub.domain;

import java.time.Instant;

/**
 * The link of one customer address ({@code e164:+447700900123}) to the customer it belongs to.
 *
 * @param customerId the customer
 * @param source     how the link was made: the channel id of the first contact, or {@code agent}, {@code merge}
 * @param linkedAt   when
 */
public record AddressLink(String customerId, String source, Instant linkedAt) {
}
