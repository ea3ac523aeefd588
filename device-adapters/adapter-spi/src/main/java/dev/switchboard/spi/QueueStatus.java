package dev.switchboard.spi;

import java.time.Duration;

/**
 * Where a customer waits for an agent.
 *
 * @param position      1 for the next to be served; 0 when the customer does not wait in a queue
 * @param estimatedWait the expected wait, or {@code null} when it cannot be estimated
 * @param agentsOnDuty  whether any agent is on duty now; {@code false} means an offline message
 */
public record QueueStatus(int position, Duration estimatedWait, boolean agentsOnDuty) {
    public static final QueueStatus NOBODY_ON_DUTY = new QueueStatus(0, null, false);
}
