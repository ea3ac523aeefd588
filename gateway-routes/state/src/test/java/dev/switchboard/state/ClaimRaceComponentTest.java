package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.desk.AgentAccount;
import dev.switchboard.desk.AgentPresence;
import dev.switchboard.desk.AgentStatus;
import dev.switchboard.desk.ClaimResult;
import dev.switchboard.desk.ConversationRouting;
import dev.switchboard.desk.DeskEvents;
import dev.switchboard.desk.Presence;
import dev.switchboard.desk.Role;
import dev.switchboard.desk.RoutingSettings;
import dev.switchboard.testing.HubState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Component tier: the claim is one entry processor on a real Hazelcast member. */
class ClaimRaceComponentTest {

    @Test
    void ofTwentyConcurrentAcceptsExactlyOneWinsAndTheOthersAreToldItIsTaken(@TempDir Path dir) throws Exception {
        try (HubState state = HubState.open(dir)) {
            AgentMaps maps = state.member().agentMaps();
            AgentPresence presence = new AgentPresence(maps.statuses(), Duration.ofMinutes(1), Clock.systemUTC());
            ConversationRouting routing = new ConversationRouting(maps.assignments(), maps.preferredAgents(),
                    maps.statuses(), presence,
                    new RoutingSettings(Duration.ofSeconds(30), Duration.ofHours(1), "general", Duration.ofMinutes(3)),
                    DeskEvents.NONE, Clock.systemUTC());
            List<AgentStatus> agents = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                AgentAccount account = new AgentAccount("agent-" + i, "Agent " + i, Role.AGENT, "$2a$04$x", false,
                        Set.of("general"), Set.of(), 1, Instant.now());
                agents.add(presence.set(account, Presence.AVAILABLE));
            }
            routing.waitForAgent("c-race", "k-race");
            assertThat(routing.assignment("c-race").orElseThrow().offeredTo()).hasSize(20);

            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ClaimResult>> accepts = new ArrayList<>();
            for (AgentStatus agent : agents) {
                accepts.add(pool.submit(() -> {
                    go.await();
                    return routing.claim(agent, "c-race");
                }));
            }
            go.countDown();
            List<ClaimResult> results = new ArrayList<>();
            for (Future<ClaimResult> accept : accepts) {
                results.add(accept.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();

            Map<ClaimResult.Outcome, Long> counts = results.stream()
                    .collect(Collectors.groupingBy(ClaimResult::outcome, Collectors.counting()));
            assertThat(counts).containsOnly(Map.entry(ClaimResult.Outcome.WON, 1L), Map.entry(ClaimResult.Outcome.TAKEN, 19L));
            String winner = routing.assignment("c-race").orElseThrow().owner();
            Map<String, AgentStatus> after = presence.everyone().stream()
                    .collect(Collectors.toMap(AgentStatus::username, Function.identity()));
            assertThat(after.get(winner).conversations()).containsExactly("c-race");
            assertThat(after.values().stream().filter(s -> !s.username().equals(winner)))
                    .allMatch(s -> s.conversations().isEmpty());
        }
    }
}
