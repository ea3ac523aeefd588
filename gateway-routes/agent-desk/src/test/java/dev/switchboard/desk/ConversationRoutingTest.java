package dev.switchboard.desk;

import static dev.switchboard.desk.AgentPresenceTest.agent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConversationRoutingTest {
    private final MovingClock clock = new MovingClock();
    private final InMemoryRecords<AgentStatus> statuses = new InMemoryRecords<>();
    private final AgentPresence presence = new AgentPresence(statuses, Duration.ofMinutes(10), clock);
    private final ConversationRouting routing = new ConversationRouting(new InMemoryRecords<>(), new InMemoryRecords<>(),
            statuses, presence,
            new RoutingSettings(Duration.ofSeconds(30), Duration.ofHours(72), "general", Duration.ofMinutes(3)), DeskEvents.NONE, clock);

    private AgentStatus status(String username) {
        return presence.status(username).orElseThrow();
    }

    @Test
    void aWaitingConversationIsOfferedToEveryAvailableAgentWithTheSkillAndFreeCapacity() {
        presence.set(agent("ann", 1, "general"), Presence.AVAILABLE);
        presence.set(agent("bob", 2, "general", "billing"), Presence.AVAILABLE);
        presence.set(agent("cid", 2, "billing"), Presence.AVAILABLE);
        presence.set(agent("dan", 2, "general"), Presence.AWAY);
        routing.waitForAgent("c-full", "k-0");
        assertThat(routing.claim(status("ann"), "c-full").outcome()).isEqualTo(ClaimResult.Outcome.WON);

        routing.waitForAgent("c-1", "k-1");

        assertThat(routing.assignment("c-1").orElseThrow().offeredTo()).containsExactly("bob");
        assertThat(routing.offersFor("ann")).isEmpty();
        assertThat(routing.claim(status("cid"), "c-1").outcome()).isEqualTo(ClaimResult.Outcome.NOT_OFFERED);
    }

    @Test
    void aCustomerInARegionGoesToThatRegionsTeamWhenOneOfItsAgentsCanTakeHimAndToEveryoneOtherwise() {
        presence.set(inTeam(agent("ann", 2, "general"), "lesser-poland"), Presence.AVAILABLE);
        presence.set(agent("bob", 2, "general"), Presence.AVAILABLE);

        routing.waitForAgent("c-krakow", "k-1", "Lesser Poland");
        routing.waitForAgent("c-gdansk", "k-2", "Pomerania");
        routing.waitForAgent("c-unknown", "k-3", null);

        assertThat(routing.assignment("c-krakow").orElseThrow().offeredTo()).containsExactly("ann");
        assertThat(routing.claim(status("bob"), "c-krakow").outcome()).isEqualTo(ClaimResult.Outcome.NOT_OFFERED);
        assertThat(routing.assignment("c-gdansk").orElseThrow().offeredTo()).containsExactlyInAnyOrder("ann", "bob");
        assertThat(routing.assignment("c-unknown").orElseThrow().offeredTo()).containsExactlyInAnyOrder("ann", "bob");
    }

    @Test
    void aRegionIsServedByTheTeamThatSpellsItsNameAsTeamNamesAre() {
        assertThat(ConversationRouting.teamNameOf(" Lesser Poland ")).isEqualTo("lesser-poland");
        assertThat(ConversationRouting.teamNameOf("Île-de-France")).isEqualTo("ile-de-france");
        assertThat(ConversationRouting.teamNameOf("London")).isEqualTo("london");
    }

    private static AgentAccount inTeam(AgentAccount account, String team) {
        return new AgentAccount(account.username(), account.displayName(), account.role(), account.passwordHash(),
                account.mustChangePassword(), account.skills(), Set.of(team), account.capacity(),
                account.createdAt());
    }

    @Test
    void anAgentsFirstStatusAfterARestartHoldsASeatForEachConversationHeTakesPartIn() {
        presence.set(agent("ann", 2, "general"), Presence.AVAILABLE);
        routing.waitForAgent("c-1", "k-1");
        routing.waitForAgent("c-2", "k-2");
        routing.claim(status("ann"), "c-1");
        routing.claim(status("ann"), "c-2");
        // A full restart keeps the assignments, not the agents' statuses.
        InMemoryRecords<AgentStatus> freshStatuses = new InMemoryRecords<>();
        AgentPresence freshPresence = new AgentPresence(freshStatuses, Duration.ofMinutes(10), clock);
        ConversationRouting restarted = new ConversationRouting(routing.assignments(), new InMemoryRecords<>(),
                freshStatuses, freshPresence,
                new RoutingSettings(Duration.ofSeconds(30), Duration.ofHours(72), "general", Duration.ofMinutes(3)),
                DeskEvents.NONE, clock);
        restarted.waitForAgent("c-3", "k-3");

        AgentStatus ann = freshPresence.set(agent("ann", 2, "general"), Presence.AVAILABLE);

        assertThat(ann.conversations()).containsExactlyInAnyOrder("c-1", "c-2");
        assertThat(restarted.offersFor("ann")).as("no seat free").isEmpty();
        assertThat(freshPresence.set(agent("ann", 2, "general"), Presence.AWAY).conversations()).hasSize(2);
    }

    @Test
    void theFirstAcceptWinsAndTheSecondIsToldItIsTaken() {
        presence.set(agent("ann", 1, "general"), Presence.AVAILABLE);
        presence.set(agent("bob", 1, "general"), Presence.AVAILABLE);
        routing.waitForAgent("c-1", "k-1");

        assertThat(routing.claim(status("bob"), "c-1").outcome()).isEqualTo(ClaimResult.Outcome.WON);
        ClaimResult second = routing.claim(status("ann"), "c-1");

        assertThat(second.outcome()).isEqualTo(ClaimResult.Outcome.TAKEN);
        assertThat(second.assignment().owner()).isEqualTo("bob");
        assertThat(status("ann").conversations()).isEmpty();
        assertThat(status("bob").conversations()).containsExactly("c-1");
        assertThat(routing.agentFor("c-1")).contains("BOB");
    }

    @Test
    void anOfferNotAcceptedInTimeGoesOnToTheNextAgentsAndRoundAgainWhenEveryoneHadIt() {
        presence.set(agent("ann", 1, "general"), Presence.AVAILABLE);
        routing.waitForAgent("c-1", "k-1");
        presence.set(agent("bob", 1, "general"), Presence.AWAY);
        assertThat(routing.assignment("c-1").orElseThrow().offeredTo()).containsExactly("ann");

        clock.advance(Duration.ofSeconds(31));
        presence.set(agent("bob", 1, "general"), Presence.AVAILABLE);
        routing.offerWaiting();
        Assignment movedOn = routing.assignment("c-1").orElseThrow();
        assertThat(movedOn.offeredTo()).containsExactly("bob");
        assertThat(movedOn.passedOver()).containsExactly("ann");
        assertThat(routing.claim(status("ann"), "c-1").outcome()).isEqualTo(ClaimResult.Outcome.NOT_OFFERED);

        clock.advance(Duration.ofSeconds(31));
        routing.offerWaiting();
        assertThat(routing.assignment("c-1").orElseThrow().offeredTo()).containsExactlyInAnyOrder("ann", "bob");
    }

    @Test
    void thePreferredAgentGetsTheCustomersNextContactFirstThenEveryoneElse() {
        presence.set(agent("ann", 3, "general"), Presence.AVAILABLE);
        presence.set(agent("bob", 3, "general"), Presence.AVAILABLE);
        routing.waitForAgent("c-1", "k-1");
        routing.claim(status("bob"), "c-1");
        routing.markPreferred("bob", routing.assignment("c-1").orElseThrow());
        routing.waitForAgent("c-2", "k-2");
        routing.claim(status("ann"), "c-2");
        presence.set(agent("bob", 3, "general"), Presence.AVAILABLE);

        routing.waitForAgent("c-1", "k-1");
        assertThat(routing.assignment("c-1").orElseThrow().stage()).isEqualTo(Assignment.Stage.ACTIVE);
        // finished and back: within the window, bob alone for one offer timeout
        routing.assignments().change("c-1", new FinishForTest());
        routing.waitForAgent("c-1", "k-1");
        assertThat(routing.assignment("c-1").orElseThrow().offeredTo()).containsExactly("bob");

        clock.advance(Duration.ofSeconds(31));
        routing.offerWaiting();
        assertThat(routing.assignment("c-1").orElseThrow().offeredTo()).containsExactly("ann");
    }

    @Test
    void thePreferenceLapsesAfterTheWindow() {
        presence.set(agent("ann", 3, "general"), Presence.AVAILABLE);
        presence.set(agent("bob", 3, "general"), Presence.AVAILABLE);
        routing.waitForAgent("c-1", "k-1");
        routing.claim(status("bob"), "c-1");
        routing.markPreferred("bob", routing.assignment("c-1").orElseThrow());
        routing.assignments().change("c-1", new FinishForTest());

        clock.advance(Duration.ofHours(73));
        presence.set(agent("ann", 3, "general"), Presence.AVAILABLE);
        presence.set(agent("bob", 3, "general"), Presence.AVAILABLE);
        routing.waitForAgent("c-1", "k-1");
        assertThat(routing.assignment("c-1").orElseThrow().offeredTo()).containsExactlyInAnyOrder("ann", "bob");
    }

    @Test
    void everyWaitingConversationKnowsItsPlaceAndEstimatedWait() {
        presence.set(agent("ann", 1, "general"), Presence.AVAILABLE);
        presence.set(agent("bob", 1, "general"), Presence.AVAILABLE);
        routing.waitForAgent("c-1", "k-1");
        routing.claim(status("ann"), "c-1");
        routing.waitForAgent("c-2", "k-2");
        routing.claim(status("bob"), "c-2");
        clock.advance(Duration.ofSeconds(1));
        routing.waitForAgent("c-3", "k-3");
        clock.advance(Duration.ofSeconds(1));
        routing.waitForAgent("c-4", "k-4");

        assertThat(routing.queuePosition("c-3")).isEqualTo(1);
        assertThat(routing.queuePosition("c-4")).isEqualTo(2);
        assertThat(routing.queuePosition("c-new")).isEqualTo(3);
        assertThat(routing.estimatedWait(2)).isEqualTo(Duration.ofMinutes(3));
        assertThat(routing.queue()).extracting(Assignment::conversationId).containsExactly("c-3", "c-4");
    }

    record FinishForTest() implements SharedRecords.Change<Assignment> {
        @Override
        public Assignment apply(Assignment before) {
            return before.finished("test");
        }
    }
}
