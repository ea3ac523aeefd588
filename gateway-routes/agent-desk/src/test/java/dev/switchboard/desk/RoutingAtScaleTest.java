package dev.switchboard.desk;

import static dev.switchboard.desk.AgentPresenceTest.agent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What keeps an offer and a claim cheap with many agents and conversations: no query of every record per offer or
 * claim, each node's view of who is on duty, compact desk events and assignments.
 */
class RoutingAtScaleTest {
    private final MovingClock clock = new MovingClock();
    private final AtomicInteger queries = new AtomicInteger();
    private final InMemoryRecords<AgentStatus> statuses = new CountedRecords<>();
    private final InMemoryRecords<Assignment> assignments = new CountedRecords<>();
    private final RoutingSettings settings =
            new RoutingSettings(Duration.ofSeconds(30), Duration.ofHours(72), "general", Duration.ofMinutes(3));

    /** Records that count the queries of every record. */
    private final class CountedRecords<V> extends InMemoryRecords<V> {
        @Override
        public synchronized List<V> matching(Filter<V> filter) {
            queries.incrementAndGet();
            return super.matching(filter);
        }
    }

    private ConversationRouting routingOn(AgentPresence presence) {
        return new ConversationRouting(assignments, new InMemoryRecords<>(), statuses, presence, settings,
                DeskEvents.NONE, clock);
    }

    @Test
    void aCustomerQueuedAndClaimedCostsNoQueryOfEveryAgentOrEveryConversation() {
        AgentPresence presence = new AgentPresence(statuses, Duration.ofMinutes(10), clock);
        ConversationRouting routing = routingOn(presence);
        for (int i = 0; i < 50; i++) {
            presence.set(agent("agent" + i, 2, "general"), Presence.AVAILABLE);
        }
        queries.set(0);

        routing.waitForAgent("c-1", "k-1");
        routing.waitForAgent("c-2", "k-2");
        ClaimResult won = routing.claim(presence.status("agent7").orElseThrow(), "c-1");

        assertThat(won.outcome()).isEqualTo(ClaimResult.Outcome.WON);
        assertThat(routing.assignment("c-2").orElseThrow().offeredTo()).hasSize(50);
        assertThat(routing.queuePosition("c-2")).isEqualTo(1);
        assertThat(routing.agentsOnDuty()).isEqualTo(50);
        assertThat(queries).hasValue(0);
    }

    @Test
    void anAgentWhoTurnsAvailableOnAnotherNodeIsOfferedHereFromTheNextTick() {
        AgentPresence here = new AgentPresence(statuses, Duration.ofMinutes(10), clock);
        AgentPresence there = new AgentPresence(statuses, Duration.ofMinutes(10), clock);
        ConversationRouting routing = routingOn(here);
        there.set(agent("ann", 2, "general"), Presence.AVAILABLE);

        routing.waitForAgent("c-1", "k-1");
        assertThat(routing.assignment("c-1").orElseThrow().offeredTo()).isEmpty();

        routing.refresh();
        routing.offerWaiting();
        assertThat(routing.assignment("c-1").orElseThrow().offeredTo()).containsExactly("ann");
        assertThat(routing.agentsOnDuty()).isEqualTo(1);
        assertThat(here.ableToTakeMore()).extracting(AgentStatus::username).containsExactly("ann");
    }

    @Test
    void aSeatTakenHereCountsAtOnceAgainstTheAgentsCapacityInTheNextOffer() {
        AgentPresence presence = new AgentPresence(statuses, Duration.ofMinutes(10), clock);
        ConversationRouting routing = routingOn(presence);
        presence.set(agent("ann", 1, "general"), Presence.AVAILABLE);
        presence.set(agent("bob", 1, "general"), Presence.AVAILABLE);
        routing.waitForAgent("c-1", "k-1");
        routing.claim(presence.status("ann").orElseThrow(), "c-1");

        routing.waitForAgent("c-2", "k-2");

        assertThat(routing.assignment("c-2").orElseThrow().offeredTo()).containsExactly("bob");
    }

    @Test
    void theEventsANodeKeepsAreForTheAgentsTheyNamedAndNoOneElse() {
        RecentEvents recent = new RecentEvents(3);
        Set<String> thousand = IntStream.range(0, 1000).mapToObj(i -> String.format("agent%04d", i))
                .collect(Collectors.toSet());
        recent.add(new DeskEvent(DeskEvent.Type.OFFERED, "c-1", thousand, clock.instant()));
        recent.add(new DeskEvent(DeskEvent.Type.CLAIMED, "c-1", Set.of("agent0999", "agent0001"), clock.instant()));
        recent.add(new DeskEvent(DeskEvent.Type.FINISHED, "c-0", Set.of(), clock.instant()));

        assertThat(recent.after(0, "agent0999")).extracting(n -> n.event().type())
                .containsExactly(DeskEvent.Type.OFFERED, DeskEvent.Type.CLAIMED, DeskEvent.Type.FINISHED);
        assertThat(recent.after(0, "agent0500")).extracting(n -> n.event().type())
                .containsExactly(DeskEvent.Type.OFFERED, DeskEvent.Type.FINISHED);
        assertThat(recent.after(0, "stranger")).extracting(n -> n.event().type())
                .containsExactly(DeskEvent.Type.FINISHED);
        assertThat(recent.after(0, "agent0001").get(0).event().to()).isEqualTo(thousand);
        assertThat(recent.after(1, "agent0001").get(0).event().to()).containsExactlyInAnyOrder("agent0999", "agent0001");

        recent.add(new DeskEvent(DeskEvent.Type.MESSAGE, "c-1", Set.of("agent0001"), clock.instant()));
        assertThat(recent.after(0, "agent0500")).extracting(n -> n.event().type())
                .containsExactly(DeskEvent.Type.FINISHED);
    }

    @Test
    void eventsNamingTheSameAgentsHoldOneSetAndDifferentAgentsStayApart() {
        RecentEvents recent = new RecentEvents(10);
        Set<String> most = IntStream.range(0, 900).mapToObj(i -> String.format("agent%04d", i)).collect(Collectors.toSet());
        Set<String> others = IntStream.range(100, 1000).mapToObj(i -> String.format("agent%04d", i))
                .collect(Collectors.toSet());
        recent.add(new DeskEvent(DeskEvent.Type.OFFERED, new String("c-1"), most, clock.instant()));
        recent.add(new DeskEvent(DeskEvent.Type.OFFERED, "c-2", others, clock.instant()));
        recent.add(new DeskEvent(DeskEvent.Type.CLAIMED, new String("c-1"), new HashSet<>(most), clock.instant()));

        List<RecentEvents.Numbered> kept = recent.after(0, "agent0500");
        assertThat(kept.get(2).event().to()).as("the claim names the offer's agents: one set").isSameAs(kept.get(0).event().to());
        assertThat(kept.get(2).event().conversationId()).isSameAs(kept.get(0).event().conversationId());
        assertThat(kept.get(1).event().to()).isEqualTo(others);
        assertThat(recent.after(0, "agent0950")).extracting(n -> n.event().conversationId()).containsExactly("c-2");
        assertThat(recent.after(0, "agent0050")).extracting(n -> n.event().type())
                .containsExactly(DeskEvent.Type.OFFERED, DeskEvent.Type.CLAIMED);
    }
}
