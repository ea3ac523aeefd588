package dev.switchboard.desk;

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

    @Test
    void aDesktopThatKeepsCallingKeepsItsAgentAvailableWithAFewWritesOnly() {
        InMemoryRecords<AgentStatus> records = new InMemoryRecords<>() {
            int writes;

            @Override
            public synchronized Changed<AgentStatus> change(String key, Change<AgentStatus> change) {
                if (change instanceof AgentPresence.Seen) {
                    writes++;
                }
                return super.change(key, change);
            }

            @Override
            public String toString() {
                return String.valueOf(writes);
            }
        };
        AgentPresence counted = new AgentPresence(records, Duration.ofSeconds(60), clock);
        counted.set(agent("ann", 1, "general"), Presence.AVAILABLE);
        for (int second = 0; second < 300; second++) {
            clock.advance(Duration.ofSeconds(1));
            counted.seen("ann");
            counted.turnSilentAgentsAway();
        }
        assertThat(counted.status("ann").orElseThrow().presence()).isEqualTo(Presence.AVAILABLE);
        assertThat(Integer.parseInt(records.toString())).isBetween(15, 25);
    }
}
