package dev.switchboard.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What agents do with a conversation they have: transfer it to an agent or a team with a note, invite a
 * second agent (who joins or not; then both take part and either may leave), suspend and resume it, and
 * finish it with a wrap-up tag. Each step is one atomic change of the assignment; seats of capacity are
 * given back as agents stop holding it, and what waits is offered again.
 */
public final class Handover {
    static final int MAX_NOTE_LENGTH = 2000;

    private final SharedRecords<Assignment> assignments;
    private final Accounts accounts;
    private final Seats seats;
    private final ConversationRouting routing;
    private final RoutingSettings settings;
    private final Clock clock;
    private final Optional<Satisfaction> satisfaction;

    /** Handover that asks no rating at a finish. */
    public Handover(SharedRecords<Assignment> assignments, SharedRecords<AgentStatus> statuses, Accounts accounts,
                    ConversationRouting routing, RoutingSettings settings, Clock clock) {
        this(assignments, statuses, accounts, routing, settings, clock, Optional.empty());
    }

    /** @param satisfaction asks the customer to rate the help once a conversation is finished */
    public Handover(SharedRecords<Assignment> assignments, SharedRecords<AgentStatus> statuses, Accounts accounts,
                    ConversationRouting routing, RoutingSettings settings, Clock clock,
                    Optional<Satisfaction> satisfaction) {
        this.satisfaction = satisfaction;
        this.assignments = assignments;
        this.accounts = accounts;
        this.seats = new Seats(statuses, routing.presence());
        this.routing = routing;
        this.settings = settings;
        this.clock = clock;
    }

    /** Back to the queue for one agent (offered to him alone for one offer timeout, then to anyone suitable). */
    public Assignment transferToAgent(AgentAccount by, String conversationId, String toAgent, String note) {
        if (accounts.find(toAgent).isEmpty()) {
            throw AgentDeskException.invalid("no agent named " + toAgent);
        }
        return transfer(by, conversationId, null, toAgent, note);
    }

    /** Back to the queue for a team: offered only to that team's agents. */
    public Assignment transferToTeam(AgentAccount by, String conversationId, String team, String note) {
        NewAccount.checkName("team", team);
        return transfer(by, conversationId, team, null, note);
    }

    private Assignment transfer(AgentAccount by, String conversationId, String team, String agent, String note) {
        Assignment before = ownedBy(by, conversationId);
        Instant now = clock.instant();
        Assignment.HandoverNote handoverNote = new Assignment.HandoverNote(by.username(),
                agent != null ? agent : "team " + team, checkNote(note), now);
        Assignment after = applied(conversationId, new Transfer(before.owner(), team, agent,
                now.plus(settings.offerTimeout()), handoverNote));
        before.participants().forEach(username -> seats.release(username, conversationId));
        routing.tell(DeskEvent.Type.TRANSFERRED, conversationId, before.participants());
        routing.offer(conversationId);
        routing.offerWaiting();
        routing.refresh();
        return assignments.get(conversationId).orElse(after);
    }

    /** Invites a second agent; the invitation is his to accept ({@link #join}). */
    public Assignment invite(AgentAccount by, String conversationId, String username, String note) {
        Assignment before = ownedBy(by, conversationId);
        if (accounts.find(username).isEmpty()) {
            throw AgentDeskException.invalid("no agent named " + username);
        }
        if (before.participants().contains(username)) {
            throw AgentDeskException.conflict(username + " takes part already");
        }
        String text = note == null || note.isBlank() ? null : checkNote(note);
        Assignment.HandoverNote handoverNote = text == null ? null
                : new Assignment.HandoverNote(by.username(), username, text, clock.instant());
        Assignment after = applied(conversationId, new Invite(before.owner(), username, handoverNote));
        routing.tell(DeskEvent.Type.INVITED, conversationId, java.util.Set.of(username));
        return after;
    }

    /** An invited agent joins; he needs a free seat. */
    public Assignment join(AgentStatus agent, String conversationId) {
        Assignment before = assignments.get(conversationId)
                .filter(a -> a.invited().contains(agent.username()))
                .orElseThrow(() -> AgentDeskException.notFound("you are not invited to " + conversationId));
        if (!seats.take(agent.username(), conversationId)) {
            throw AgentDeskException.conflict("you hold as many conversations as your capacity allows");
        }
        Assignment after = assignments.change(conversationId, new Join(agent.username())).after();
        if (after == null || !after.participants().contains(agent.username())) {
            seats.release(agent.username(), conversationId);
            throw AgentDeskException.conflict("the conversation changed before you joined");
        }
        routing.tell(DeskEvent.Type.UPDATED, conversationId, after.participants());
        return after;
    }

    /** A participant leaves; when the owner leaves, another participant owns it. The last one cannot leave. */
    public Assignment leave(AgentAccount by, String conversationId) {
        Assignment before = participating(by, conversationId);
        if (before.participants().size() < 2) {
            throw AgentDeskException.conflict("you are the only agent here: transfer or finish it instead");
        }
        String newOwner = before.owner();
        String newOwnerName = before.ownerName();
        if (by.username().equals(before.owner())) {
            newOwner = before.participants().stream().filter(u -> !u.equals(by.username())).sorted().findFirst()
                    .orElseThrow();
            newOwnerName = accounts.find(newOwner).map(AgentAccount::displayName).orElse(newOwner);
        }
        Assignment after = applied(conversationId, new Leave(by.username(), newOwner, newOwnerName));
        seats.release(by.username(), conversationId);
        routing.tell(DeskEvent.Type.UPDATED, conversationId, before.participants());
        routing.offerWaiting();
        return after;
    }

    /** Parks it: nobody holds a seat for it until its owner resumes it. */
    public Assignment suspend(AgentAccount by, String conversationId) {
        Assignment before = ownedBy(by, conversationId);
        if (before.stage() != Assignment.Stage.ACTIVE) {
            throw AgentDeskException.conflict("only an active conversation can be suspended");
        }
        Assignment after = applied(conversationId, new Suspend(before.owner()));
        before.participants().forEach(username -> seats.release(username, conversationId));
        routing.tell(DeskEvent.Type.UPDATED, conversationId, before.participants());
        routing.offerWaiting();
        return after;
    }

    /** The owner takes a suspended conversation up again, with a seat of his capacity; alone. */
    public Assignment resume(AgentAccount by, String conversationId) {
        Assignment before = ownedBy(by, conversationId);
        if (before.stage() != Assignment.Stage.SUSPENDED) {
            throw AgentDeskException.conflict("only a suspended conversation can be resumed");
        }
        if (!seats.take(before.owner(), conversationId)) {
            throw AgentDeskException.conflict(before.owner() + " holds as many conversations as his capacity allows");
        }
        Assignment after = applied(conversationId, new Resume(before.owner()));
        routing.tell(DeskEvent.Type.UPDATED, conversationId, java.util.Set.of(before.owner()));
        return after;
    }

    /**
     * Done: every seat is given back; the customer is asked once to rate the help he got (see {@link Satisfaction});
     * his next message queues him anew.
     */
    public Assignment finish(AgentAccount by, String conversationId, String wrapUp) {
        Assignment before = ownedBy(by, conversationId);
        if (wrapUp != null && !wrapUp.isEmpty()) {
            NewAccount.checkName("wrap-up tag", wrapUp);
        }
        Assignment after = applied(conversationId, new Finish(before.owner(), wrapUp == null || wrapUp.isEmpty() ? null : wrapUp));
        before.participants().forEach(username -> seats.release(username, conversationId));
        routing.tell(DeskEvent.Type.FINISHED, conversationId, before.participants());
        routing.offerWaiting();
        routing.refresh();
        satisfaction.ifPresent(survey -> survey.ask(after));
        return after;
    }

    /** The assignment when {@code by} owns it (a manager may act for any owner). */
    private Assignment ownedBy(AgentAccount by, String conversationId) {
        Optional<Assignment> found = assignments.get(conversationId)
                .filter(a -> a.stage() == Assignment.Stage.ACTIVE || a.stage() == Assignment.Stage.SUSPENDED)
                .filter(a -> by.username().equals(a.owner()) || by.isManager());
        return found.orElseThrow(() -> AgentDeskException.notFound("you do not own a conversation " + conversationId));
    }

    private Assignment participating(AgentAccount by, String conversationId) {
        return assignments.get(conversationId)
                .filter(a -> a.participants().contains(by.username()))
                .orElseThrow(() -> AgentDeskException.notFound("you take no part in a conversation " + conversationId));
    }

    private Assignment applied(String conversationId, SharedRecords.Change<Assignment> change) {
        SharedRecords.Changed<Assignment> changed = assignments.change(conversationId, change);
        if (!changed.changed()) {
            throw AgentDeskException.conflict("the conversation changed meanwhile; look again");
        }
        return changed.after();
    }

    private static String checkNote(String note) {
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE_LENGTH) {
            throw AgentDeskException.invalid("a note has at most " + MAX_NOTE_LENGTH + " characters");
        }
        return text;
    }

    private static boolean heldBy(Assignment a, String owner) {
        return a != null && (a.stage() == Assignment.Stage.ACTIVE || a.stage() == Assignment.Stage.SUSPENDED)
                && owner.equals(a.owner());
    }

    record Transfer(String owner, String team, String agent, Instant reservedUntil, Assignment.HandoverNote note)
            implements SharedRecords.Change<Assignment> {
        @Override
        public Assignment apply(Assignment before) {
            return heldBy(before, owner) ? before.transferred(team, agent, reservedUntil, note) : before;
        }
    }

    record Invite(String owner, String username, Assignment.HandoverNote note) implements SharedRecords.Change<Assignment> {
        @Override
        public Assignment apply(Assignment before) {
            return heldBy(before, owner) && !before.invited().contains(username) ? before.inviting(username, note) : before;
        }
    }

    record Join(String username) implements SharedRecords.Change<Assignment> {
        @Override
        public Assignment apply(Assignment before) {
            return before != null && before.invited().contains(username) && before.stage() == Assignment.Stage.ACTIVE
                    ? before.joinedBy(username) : before;
        }
    }

    record Leave(String username, String newOwner, String newOwnerName) implements SharedRecords.Change<Assignment> {
        @Override
        public Assignment apply(Assignment before) {
            return before != null && before.participants().contains(username) && before.participants().size() > 1
                    ? before.leftBy(username, newOwner, newOwnerName) : before;
        }
    }

    record Suspend(String owner) implements SharedRecords.Change<Assignment> {
        @Override
        public Assignment apply(Assignment before) {
            return heldBy(before, owner) && before.stage() == Assignment.Stage.ACTIVE
                    ? before.suspended() : before;
        }
    }

    record Resume(String owner) implements SharedRecords.Change<Assignment> {
        @Override
        public Assignment apply(Assignment before) {
            return heldBy(before, owner) && before.stage() == Assignment.Stage.SUSPENDED ? before.resumed() : before;
        }
    }

    record Finish(String owner, String wrapUp) implements SharedRecords.Change<Assignment> {
        @Override
        public Assignment apply(Assignment before) {
            return heldBy(before, owner) ? before.finished(wrapUp) : before;
        }
    }
}
