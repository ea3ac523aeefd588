package dev.switchboard.hub.domain;

import dev.switchboard.spi.QueueStatus;
import java.time.Duration;
import java.util.List;

/**
 * What a routing rule chose for a new conversation; {@link #DEFAULT} when none matched, and the desk's defaults
 * hold (the default skill, the region's team, the standard acknowledgement).
 *
 * @param rule            the name of the rule that matched, or {@code null}
 * @param team            the team whose agents get it, or {@code null}
 * @param skill           the skill it needs, or {@code null} for the default skill
 * @param priority        higher is offered first; 0 is the default
 * @param acknowledgement what the customer is told while he waits, with {@code {wait}} and {@code {position}}
 *                        placeholders, or {@code null} for the standard text
 * @param tags            tags put on the conversation's assignment
 */
public record RoutingChoice(String rule, String team, String skill, int priority, String acknowledgement,
                            List<String> tags) {

    public static final RoutingChoice DEFAULT = new RoutingChoice(null, null, null, 0, null, List.of());

    public RoutingChoice {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The text the customer is told while he waits: the rule's template filled in, or {@code standard}. */
    public String acknowledge(String standard, QueueStatus status) {
        if (acknowledgement == null || acknowledgement.isBlank()) {
            return standard;
        }
        return acknowledgement.replace("{position}", String.valueOf(status.position()))
                .replace("{wait}", minutes(status.estimatedWait()));
    }

    /** A wait in whole minutes, rounded up: "1 minute", "4 minutes". */
    static String minutes(Duration wait) {
        long minutes = wait == null ? 1 : Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
