package dev.switchboard.desk;

import java.time.Instant;

/**
 * An agent who marked himself preferred for a customer: the customer's next contact within the configured
 * window is offered to him first when he is available.
 */
public record PreferredAgent(String username, Instant markedAt) {
}
