package dev.switchboard.hub.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's decision that two customer records are one person: the merged customer's thread is shown and
 * answered as part of the kept customer's. Undone by removing it; nothing else moved.
 *
 * @param mergedCustomerId the customer merged in
 * @param keptCustomerId   the customer whose thread it joins
 * @param mergedBy         the agent's username
 * @param mergedAt         when
 */
public record CustomerMerge(String mergedCustomerId, String keptCustomerId, String mergedBy, Instant mergedAt) {

    public CustomerMerge {
        Objects.requireNonNull(mergedCustomerId, "mergedCustomerId");
        Objects.requireNonNull(keptCustomerId, "keptCustomerId");
        if (mergedCustomerId.equals(keptCustomerId)) {
            throw new IllegalArgumentException("a customer cannot be merged into himself");
        }
    }
}
