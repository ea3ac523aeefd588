package dev.switchboard.desk;

import java.time.Duration;

/**
 * How conversations are offered.
 *
 * @param offerTimeout           how long an offer stands before it goes on to the next agents
 * @param preferredAgentWindow   how long after an agent marks himself preferred the customer's next contact goes
 *                               to him first
 * @param defaultSkill           the skill a new conversation needs
 * @param averageHandlingTime    average time per conversation, for the estimated wait
 */
public record RoutingSettings(Duration offerTimeout, Duration preferredAgentWindow, String defaultSkill,
                              Duration averageHandlingTime) {
}
