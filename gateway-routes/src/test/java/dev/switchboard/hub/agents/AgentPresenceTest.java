package dev.switchboard.hub.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentPresenceTest {
    private final MovingClock clock = new MovingClock();
    private final AgentPresence presence = new AgentPresence(new InMemoryRecords<>(), Duration.ofSeconds(60), clock);

    static AgentAccount agent(String username, int capacity, String... skills) {
        return new AgentAccount(username, username.toUpperCase(), Role.AGENT, "$2a$04$x", false, Set.of(skills),
                Set.of(), capacity, Instant.EPOCH);
    }

    @Test
    void anAvailableAgentWhoseDesktopFallsSilentTurnsAwayOnlyAfterTheGracePeriod() {
        presence.set(agent("ann", 2, "general"), Presence.AVAILABLE);
        clock.advance(Duration.ofSeconds(50));
        presence.seen("ann");

        clock.advance(Duration.ofSeconds(59));
        presence.turnSilentAgentsAway();
        assertThat(presence.status("ann").orElseThrow().presence()).isEqualTo(Presence.AVAILABLE);

        clock.advance(Duration.ofSeconds(2));
        presence.turnSilentAgentsAway();
        assertThat(presence.status("ann").orElseThrow().presence()).isEqualTo(Presence.AWAY);
        assertThat(presence.availableCount()).isZero();
    }

    @Test
    void awayAndOfflineAgentsAreNeverTurnedAnythingElseAndOnlyAvailableOnesCanTakeMore() {
        presence.set(agent("ann", 1, "general"), Presence.OFFLINE);
        presence.set(agent("bob", 1, "general"), Presence.AVAILABLE);
        clock.advance(Duration.ofMinutes(5));
        presence.turnSilentAgentsAway();

        assertThat(presence.status("ann").orElseThrow().presence()).isEqualTo(Presence.OFFLINE);
        assertThat(presence.status("bob").orElseThrow().presence()).isEqualTo(Presence.AWAY);
        presence.set(agent("bob", 1, "general"), Presence.AVAILABLE);
        assertThat(presence.ableToTakeMore()).extracting(AgentStatus::username).containsExactly("bob");
    }
}
