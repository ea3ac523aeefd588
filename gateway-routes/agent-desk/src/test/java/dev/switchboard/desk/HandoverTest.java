package dev.switchboard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HandoverTest {
    private final MovingClock clock = new MovingClock();
    private final InMemoryRecords<AgentStatus> statuses = new InMemoryRecords<>();
    private final InMemoryRecords<Assignment> assignments = new InMemoryRecords<>();
    private final InMemoryRecords<AgentAccount> accountRecords = new InMemoryRecords<>();
    private final AgentPresence presence = new AgentPresence(statuses, Duration.ofMinutes(10), clock);
    private final RoutingSettings settings =
            new RoutingSettings(Duration.ofSeconds(30), Duration.ofHours(72), "general", Duration.ofMinutes(3));
    private final ConversationRouting routing =
            new ConversationRouting(assignments, new InMemoryRecords<>(), statuses, presence, settings, DeskEvents.NONE, clock);
    private final Accounts accounts = new Accounts(accountRecords, new PasswordHashing(4), clock);
    private final Handover handover = new Handover(assignments, statuses, accounts, routing, settings, clock);

    private final AgentAccount ann = account("ann", Set.of("tier-1"));
    private final AgentAccount bob = account("bob", Set.of("tier-2"));
    private final AgentAccount cid = account("cid", Set.of("tier-2"));

    private AgentAccount account(String username, Set<String> teams) {
        AgentAccount account = new AgentAccount(username, username.toUpperCase(), Role.AGENT, "$2a$04$x", false,
                Set.of("general"), teams, 2, Instant.EPOCH);
        accountRecords.put(username, account);
        return account;
    }

    private AgentStatus status(String username) {
        return presence.status(username).orElseThrow();
    }

    private Assignment assignment() {
        return routing.assignment("c-1").orElseThrow();
    }

    @BeforeEach
    void annOwnsAConversation() {
        presence.set(ann, Presence.AVAILABLE);
        routing.waitForAgent("c-1", "k-1");
        assertThat(routing.claim(status("ann"), "c-1").outcome()).isEqualTo(ClaimResult.Outcome.WON);
        presence.set(bob, Presence.AVAILABLE);
        presence.set(cid, Presence.AVAILABLE);
    }

    @Test
    void aTransferToAnAgentOffersItToHimAloneWithTheNoteAndFreesTheOwnersSeat() {
        Assignment transferred = handover.transferToAgent(ann, "c-1", "bob", "wants a refund, order 1234");

        assertThat(transferred.stage()).isEqualTo(Assignment.Stage.QUEUED);
        assertThat(transferred.offeredTo()).containsExactly("bob");
        assertThat(transferred.notes()).singleElement().satisfies(note -> {
            assertThat(note.from()).isEqualTo("ann");
            assertThat(note.to()).isEqualTo("bob");
            assertThat(note.text()).isEqualTo("wants a refund, order 1234");
        });
        assertThat(status("ann").conversations()).isEmpty();
        assertThat(routing.claim(status("bob"), "c-1").outcome()).isEqualTo(ClaimResult.Outcome.WON);
        assertThat(assignment().notes()).hasSize(1);
    }

    @Test
    void aTransferToATeamGoesToThatTeamsAgentsOnly() {
        Assignment transferred = handover.transferToTeam(ann, "c-1", "tier-2", "needs tier 2");
        assertThat(transferred.offeredTo()).containsExactlyInAnyOrder("bob", "cid");
        assertThat(routing.claim(status("ann"), "c-1").outcome()).isEqualTo(ClaimResult.Outcome.NOT_OFFERED);
    }

    @Test
    void onlyTheOwnerOrAManagerHandsItOver() {
        assertThatThrownBy(() -> handover.transferToTeam(bob, "c-1", "tier-2", "mine now"))
                .isInstanceOf(AgentDeskException.class)
                .extracting(e -> ((AgentDeskException) e).kind()).isEqualTo(AgentDeskException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> handover.transferToAgent(ann, "c-1", "nobody", ""))
                .hasMessageContaining("no agent named nobody");
        AgentAccount manager = new AgentAccount("boss", "Boss", Role.MANAGER, "$2a$04$x", false, Set.of(), Set.of(), 1,
                Instant.EPOCH);
        assertThat(handover.finish(manager, "c-1", "closed-by-supervisor").wrapUp()).isEqualTo("closed-by-supervisor");
    }

    @Test
    void anInvitedAgentJoinsThenBothTakePartAndTheFirstMayLeave() {
        Assignment invited = handover.invite(ann, "c-1", "bob", "can you check the invoice?");
        assertThat(invited.invited()).containsExactly("bob");
        assertThat(routing.invitationsFor("bob")).hasSize(1);
        assertThatThrownBy(() -> handover.join(status("cid"), "c-1")).isInstanceOf(AgentDeskException.class);

        Assignment joined = handover.join(status("bob"), "c-1");
        assertThat(joined.participants()).containsExactlyInAnyOrder("ann", "bob");
        assertThat(status("bob").conversations()).containsExactly("c-1");

        Assignment left = handover.leave(ann, "c-1");
        assertThat(left.owner()).isEqualTo("bob");
        assertThat(left.ownerName()).isEqualTo("BOB");
        assertThat(left.participants()).containsExactly("bob");
        assertThat(status("ann").conversations()).isEmpty();
        assertThatThrownBy(() -> handover.leave(bob, "c-1")).hasMessageContaining("only agent");
    }

    @Test
    void suspendFreesTheSeatAndResumeTakesItAgain() {
        Assignment suspended = handover.suspend(ann, "c-1");
        assertThat(suspended.stage()).isEqualTo(Assignment.Stage.SUSPENDED);
        assertThat(status("ann").conversations()).isEmpty();
        assertThat(routing.heldBy("ann")).extracting(Assignment::conversationId).containsExactly("c-1");
        assertThat(routing.agentFor("c-1")).contains("ANN");

        Assignment resumed = handover.resume(ann, "c-1");
        assertThat(resumed.stage()).isEqualTo(Assignment.Stage.ACTIVE);
        assertThat(status("ann").conversations()).containsExactly("c-1");
    }

    @Test
    void finishTagsItFreesEverySeatAndTheCustomersNextMessageQueuesHimAnew() {
        handover.invite(ann, "c-1", "bob", null);
        handover.join(status("bob"), "c-1");
        Assignment finished = handover.finish(ann, "c-1", "resolved");

        assertThat(finished.stage()).isEqualTo(Assignment.Stage.FINISHED);
        assertThat(finished.wrapUp()).isEqualTo("resolved");
        assertThat(status("ann").conversations()).isEmpty();
        assertThat(status("bob").conversations()).isEmpty();
        assertThat(routing.agentFor("c-1")).isEmpty();
        assertThatThrownBy(() -> handover.finish(ann, "c-1", "again")).isInstanceOf(AgentDeskException.class);

        routing.waitForAgent("c-1", "k-1");
        assertThat(assignment().stage()).isEqualTo(Assignment.Stage.QUEUED);
        assertThat(assignment().offeredTo()).containsExactlyInAnyOrder("ann", "bob", "cid");
    }
}
