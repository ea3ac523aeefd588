package dev.switchboard.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a customer's conversation stands with the agents: waiting in the queue (and offered to whom), owned,
 * suspended or finished. One per conversation; every change to it is atomic (see {@link SharedRecords}).
 *
 * @param conversationId the conversation
 * @param customerId     whose it is
 * @param stage          where it stands
 * @param owner          the agent who owns it, or {@code null}
 * @param ownerName      his display name, or {@code null}
 * @param participants   every agent taking part (the owner included), each holding a seat of his capacity
 * @param invited        agents invited to take part who have not joined yet
 * @param offeredTo      agents it is offered to now; the first to claim it owns it
 * @param passedOver     agents whose offer ran out this round; offered again only when nobody else can take it
 * @param queuedAt       when it started to wait; the queue is served oldest first
 * @param offerExpiresAt when the current offer runs out, or {@code null}
 * @param skill          the skill it needs
 * @param team           the team it was transferred to, or {@code null}: then only that team's agents get it
 * @param reservedFor    the agent it is offered to alone (preferred agent, transfer to an agent), or {@code null}
 * @param reservedUntil  until when that holds
 * @param notes          handover notes, oldest first
 * @param wrapUp         the wrap-up tag it was finished with, or {@code null}
 * @param routedBy       the routing rule that routed it, with its priority and tags, or {@code null} when none did
 *                       (and in a record an earlier version wrote)
 */
public record Assignment(String conversationId, String customerId, Stage stage, String owner, String ownerName,
                         Set<String> participants, Set<String> invited, Set<String> offeredTo, Set<String> passedOver,
                         Instant queuedAt, Instant offerExpiresAt, String skill, String team, String reservedFor,
                         Instant reservedUntil, List<HandoverNote> notes, String wrapUp, RoutedBy routedBy) {

    public enum Stage { QUEUED, ACTIVE, SUSPENDED, FINISHED }

    /** The field the assignments are indexed by: the queue is found without a look at every open conversation. */
    public static final String STAGE = "stage";

    /** The assignments waiting in the queue. */
    static final SharedRecords.Indexed IN_QUEUE = new SharedRecords.Indexed(STAGE, Stage.QUEUED);

    /** A note one agent leaves for another at a transfer or an invitation. */
    public record HandoverNote(String from, String to, String text, Instant at) {
    }

    /**
     * The routing rule a conversation was routed by.
     *
     * @param rule     its name
     * @param priority its priority: a higher one waits ahead in the queue
     * @param tags     the tags it put on the conversation
     */
    public record RoutedBy(String rule, int priority, List<String> tags) {
        public RoutedBy {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /** An assignment no routing rule routed. */
    public Assignment(String conversationId, String customerId, Stage stage, String owner, String ownerName,
                      Set<String> participants, Set<String> invited, Set<String> offeredTo, Set<String> passedOver,
                      Instant queuedAt, Instant offerExpiresAt, String skill, String team, String reservedFor,
                      Instant reservedUntil, List<HandoverNote> notes, String wrapUp) {
        this(conversationId, customerId, stage, owner, ownerName, participants, invited, offeredTo, passedOver, queuedAt,
                offerExpiresAt, skill, team, reservedFor, reservedUntil, notes, wrapUp, null);
    }

    public Assignment {
        participants = Set.copyOf(participants);
        invited = Set.copyOf(invited);
        offeredTo = Set.copyOf(offeredTo);
        passedOver = Set.copyOf(passedOver);
        notes = List.copyOf(notes);
    }

    static Assignment queued(String conversationId, String customerId, String skill, String team, Instant now,
                             String reservedFor, Instant reservedUntil, List<HandoverNote> notes) {
        return queued(conversationId, customerId, skill, team, now, reservedFor, reservedUntil, notes, null);
    }

    static Assignment queued(String conversationId, String customerId, String skill, String team, Instant now,
                             String reservedFor, Instant reservedUntil, List<HandoverNote> notes, RoutedBy routedBy) {
        return new Assignment(conversationId, customerId, Stage.QUEUED, null, null, Set.of(), Set.of(), Set.of(),
                Set.of(), now, null, skill, team, reservedFor, reservedUntil, notes, null, routedBy);
    }

    /** Its priority in the queue: its routing rule's, 0 when none routed it. */
    public int priority() {
        return routedBy == null ? 0 : routedBy.priority();
    }

    /** The name of the routing rule that routed it, or {@code null}. */
    public String routingRule() {
        return routedBy == null ? null : routedBy.rule();
    }

    /** The tags its routing rule put on it. */
    public List<String> tags() {
        return routedBy == null ? List.of() : routedBy.tags();
    }

    public boolean isQueued() {
        return stage == Stage.QUEUED;
    }

    /**
     * Whether it waits in the queue with offers under way: only offering makes such a record, from the queued one
     * before it, and changes nothing a restart must keep (offers are made afresh after one).
     */
    public boolean offerUnderWay() {
        return stage == Stage.QUEUED && (!offeredTo.isEmpty() || !passedOver.isEmpty() || offerExpiresAt != null);
    }

    /** Whether the current offer has run out at {@code now}. */
    boolean offerExpired(Instant now) {
        return offerExpiresAt != null && !now.isBefore(offerExpiresAt);
    }

    /** Whether it is offered to this one agent only at {@code now}. */
    boolean reservedAt(Instant now) {
        return reservedFor != null && (reservedUntil == null || now.isBefore(reservedUntil));
    }

    /** Whether an agent with this status may be offered it at {@code now} (capacity aside). */
    boolean suits(AgentStatus agent, Instant now) {
        if (reservedAt(now)) {
            return agent.username().equals(reservedFor);
        }
        if (team != null) {
            return agent.teams().contains(team);
        }
        return agent.skills().contains(skill);
    }

    Assignment offered(Set<String> to, Set<String> passed, Instant expires) {
        return new Assignment(conversationId, customerId, stage, owner, ownerName, participants, invited, to, passed,
                queuedAt, expires, skill, team, reservedFor, reservedUntil, notes, wrapUp, routedBy);
    }

    Assignment ownedBy(String username, String displayName) {
        return new Assignment(conversationId, customerId, Stage.ACTIVE, username, displayName, Set.of(username), Set.of(),
                Set.of(), Set.of(), queuedAt, null, skill, team, null, null, notes, null, routedBy);
    }

    /** Parked: nobody holds a seat for it; the owner keeps it. */
    Assignment suspended() {
        return new Assignment(conversationId, customerId, Stage.SUSPENDED, owner, ownerName, Set.of(), Set.of(),
                offeredTo, passedOver, queuedAt, offerExpiresAt, skill, team, reservedFor, reservedUntil, notes, wrapUp, routedBy);
    }

    /** Taken up again by its owner alone. */
    Assignment resumed() {
        return new Assignment(conversationId, customerId, Stage.ACTIVE, owner, ownerName, Set.of(owner), Set.of(),
                offeredTo, passedOver, queuedAt, offerExpiresAt, skill, team, reservedFor, reservedUntil, notes, wrapUp, routedBy);
    }

    Assignment finished(String tag) {
        return new Assignment(conversationId, customerId, Stage.FINISHED, owner, ownerName, Set.of(), Set.of(), Set.of(),
                Set.of(), queuedAt, null, skill, team, null, null, notes, tag, routedBy);
    }

    /** Back in the queue for a team or an agent, with a note; nobody holds it meanwhile. */
    Assignment transferred(String toTeam, String toAgent, Instant reservedUntilAt, HandoverNote note) {
        return new Assignment(conversationId, customerId, Stage.QUEUED, null, null, Set.of(), Set.of(), Set.of(),
                Set.of(), queuedAt, null, skill, toTeam != null ? toTeam : team, toAgent,
                toAgent == null ? null : reservedUntilAt, plus(notes, note), null, routedBy);
    }

    Assignment inviting(String username, HandoverNote note) {
        Set<String> more = new HashSet<>(invited);
        more.add(username);
        return new Assignment(conversationId, customerId, stage, owner, ownerName, participants, more, offeredTo,
                passedOver, queuedAt, offerExpiresAt, skill, team, reservedFor, reservedUntil,
                note == null ? notes : plus(notes, note), wrapUp, routedBy);
    }

    Assignment joinedBy(String username) {
        Set<String> fewerInvited = new HashSet<>(invited);
        fewerInvited.remove(username);
        Set<String> more = new HashSet<>(participants);
        more.add(username);
        return new Assignment(conversationId, customerId, stage, owner, ownerName, more, fewerInvited, offeredTo,
                passedOver, queuedAt, offerExpiresAt, skill, team, reservedFor, reservedUntil, notes, wrapUp, routedBy);
    }

    /** Without this participant; the ownership passes to another participant when the owner leaves. */
    Assignment leftBy(String username, String newOwner, String newOwnerName) {
        Set<String> fewer = new HashSet<>(participants);
        fewer.remove(username);
        return new Assignment(conversationId, customerId, stage, newOwner, newOwnerName, fewer, invited, offeredTo,
                passedOver, queuedAt, offerExpiresAt, skill, team, reservedFor, reservedUntil, notes, wrapUp, routedBy);
    }

    private static List<HandoverNote> plus(List<HandoverNote> notes, HandoverNote note) {
        List<HandoverNote> more = new ArrayList<>(notes);
        more.add(note);
        return more;
    }
}
