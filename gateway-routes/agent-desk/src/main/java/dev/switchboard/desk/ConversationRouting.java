package dev.switchboard.desk;

import dev.switchboard.hub.domain.AgentAvailability;
import dev.switchboard.hub.domain.FirstMessage;
import dev.switchboard.hub.domain.RoutingChoice;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Offers waiting conversations to agents and lets the first accept win.
 *
 * <p>A conversation that needs an agent joins the queue. It is offered to every available agent who suits it
 * (its skill, the team it was transferred to, or the one agent it is reserved for) and has free capacity.
 * The first of them to claim it owns it: the claim is one atomic change of the conversation's assignment,
 * so of any number of simultaneous accepts exactly one wins. An offer nobody accepts within the offer
 * timeout goes on to the agents not offered yet, and round again when everyone had it.
 *
 * <p>The hub's hot path asks only a snapshot of this node (agents on duty, the queue's order), read from
 * the cluster at every tick of the agent desk and after a handover, and kept up to date between ticks by
 * the changes made here: a conversation queued joins its end, a claimed one leaves it. Offers go to the agents
 * {@link AgentPresence} knows on this node. So neither a customer's message nor an offer nor a claim costs a
 * query of the cluster; with 1,000 agents and 10,000 open conversations, those queries made an offer take
 * seconds.
 */
public final class ConversationRouting implements AgentAvailability {
    private final SharedRecords<Assignment> assignments;
    private final SharedRecords<PreferredAgent> preferred;
    private final AgentPresence presence;
    private final Seats seats;
    private final RoutingSettings settings;
    private final DeskEvents events;
    private final Clock clock;
    private final RoutingRules rules;
    private volatile Snapshot snapshot = new Snapshot(0, List.of(), Map.of());
    private final List<Runnable> onDutyListeners = new CopyOnWriteArrayList<>();

    /**
     * What the hot path reads: how many agents are available, the queue in order, and the priority of each waiting
     * conversation that has one above 0.
     */
    record Snapshot(int agentsOnDuty, List<String> queue, Map<String, Integer> priorities) {
        int priorityOf(String conversationId) {
            return priorities.getOrDefault(conversationId, 0);
        }
    }

    /** Routing without routing rules: every new conversation by the defaults. */
    public ConversationRouting(SharedRecords<Assignment> assignments, SharedRecords<PreferredAgent> preferred,
                               SharedRecords<AgentStatus> statuses, AgentPresence presence, RoutingSettings settings,
                               DeskEvents events, Clock clock) {
        this(assignments, preferred, statuses, presence, settings, events, clock, null);
    }

    /** @param rules the managers' routing rules, or {@code null} for none */
    public ConversationRouting(SharedRecords<Assignment> assignments, SharedRecords<PreferredAgent> preferred,
                               SharedRecords<AgentStatus> statuses, AgentPresence presence, RoutingSettings settings,
                               DeskEvents events, Clock clock, RoutingRules rules) {
        this.assignments = assignments;
        this.preferred = preferred;
        this.presence = presence;
        this.seats = new Seats(statuses, presence);
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.rules = rules;
        presence.onChange(this::presenceChanged);
        presence.holdingFrom(this::takingPart);
    }

    // ---- the hub's questions (AgentAvailability) ----

    @Override
    public int agentsOnDuty() {
        return snapshot.agentsOnDuty();
    }

    /** How many conversations wait in the queue, as this node knows. */
    public int waiting() {
        return snapshot.queue().size();
    }

    @Override
    public int queuePosition(String conversationId) {
        return queuePosition(conversationId, 0);
    }

    /** Where it waits; one not waiting joins behind every conversation of its priority or higher. */
    @Override
    public int queuePosition(String conversationId, int priority) {
        Snapshot now = snapshot;
        int index = now.queue().indexOf(conversationId);
        if (index >= 0) {
            return index + 1;
        }
        return (int) now.queue().stream().filter(id -> now.priorityOf(id) >= priority).count() + 1;
    }

    /**
     * The routing rules' choice for a conversation that does not wait yet (this node's snapshot of the queue); one
     * that waits keeps the routing of its first message.
     */
    @Override
    public RoutingChoice routingFor(String conversationId, FirstMessage message) {
        if (rules == null || snapshot.queue().contains(conversationId)) {
            return RoutingChoice.DEFAULT;
        }
        return rules.choose(message);
    }

    /** The managers' routing rules; {@code null} when this desk has none. */
    public RoutingRules rules() {
        return rules;
    }

    @Override
    public Duration estimatedWait(int position) {
        int onDuty = Math.max(1, agentsOnDuty());
        return settings.averageHandlingTime().multipliedBy(position).dividedBy(onDuty);
    }

    @Override
    public Optional<String> agentFor(String conversationId) {
        return assignments.get(conversationId)
                .filter(a -> a.stage() == Assignment.Stage.ACTIVE || a.stage() == Assignment.Stage.SUSPENDED)
                .map(Assignment::ownerName);
    }

    /**
     * Puts the conversation in the queue unless it is there or owned already, and offers it. The customer's
     * preferred agent, marked within the window, gets it alone for one offer timeout.
     */
    @Override
    public void waitForAgent(String conversationId, String customerId, String region) {
        waitForAgent(conversationId, customerId, region, RoutingChoice.DEFAULT);
    }

    /**
     * {@link #waitForAgent(String, String, String)} as a routing rule chose: its team instead of the region's, its
     * skill instead of the default, its priority and tags, and its name for the agent to see.
     */
    @Override
    public void waitForAgent(String conversationId, String customerId, String region, RoutingChoice routing) {
        Instant now = clock.instant();
        String reservedFor = preferred.get(customerId)
                .filter(p -> p.markedAt().plus(settings.preferredAgentWindow()).isAfter(now))
                .map(PreferredAgent::username)
                .orElse(null);
        Assignment fresh = Assignment.queued(conversationId, customerId,
                routing.skill() != null ? routing.skill() : settings.defaultSkill(),
                routing.team() != null ? routing.team() : regionTeam(region),
                now, reservedFor, reservedFor == null ? null : now.plus(settings.offerTimeout()), List.of(),
                routing.rule() == null ? null
                        : new Assignment.RoutedBy(routing.rule(), routing.priority(), routing.tags()));
        SharedRecords.Changed<Assignment> queued = assignments.change(conversationId, new Enqueue(fresh));
        if (queued.changed()) {
            events.publish(new DeskEvent(DeskEvent.Type.QUEUED, conversationId, Set.of(), now));
            offer(conversationId);
            joinedQueue(conversationId, fresh.priority());
        }
    }

    /** The region's team when one of its agents can take more now: a team is named like the region it serves. */
    private String regionTeam(String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        String team = teamNameOf(region);
        return presence.ableToTakeMore().stream().anyMatch(agent -> agent.teams().contains(team)) ? team : null;
    }

    /**
     * A region's name as a team name may spell it (lower case, no accents, hyphens for spaces): the team
     * {@code lesser-poland} serves the region "Lesser Poland", {@code london} a TV box set to "London".
     */
    static String teamNameOf(String region) {
        String plain = Normalizer.normalize(region.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    // ---- the desk's side ----

    /**
     * Offers (or offers on) every waiting conversation this node keeps; also where offers run out. A
     * conversation whose offer would not change is not touched.
     */
    public void offerWaiting() {
        Map<String, Assignment> waiting = assignments.localMatching(new Queued());
        if (waiting.isEmpty()) {
            return;
        }
        List<AgentStatus> able = presence.ableToTakeMore();
        sorted(List.copyOf(waiting.values()))
                .forEach(assignment -> offer(assignment.conversationId(), assignment, able));
    }

    private void presenceChanged(Presence chosen) {
        if (chosen == Presence.AVAILABLE) {
            offerWaiting();
        }
        refresh();
    }

    /** Offers one waiting conversation to every suitable agent who can take more now. */
    void offer(String conversationId) {
        assignments.get(conversationId)
                .filter(Assignment::isQueued)
                .ifPresent(assignment -> offer(conversationId, assignment, presence.ableToTakeMore()));
    }

    private void offer(String conversationId, Assignment seen, List<AgentStatus> able) {
        Instant now = clock.instant();
        Set<String> candidates = able.stream()
                .filter(agent -> seen.suits(agent, now))
                .map(AgentStatus::username)
                .collect(Collectors.toSet());
        Offer offer = new Offer(candidates, now, now.plus(settings.offerTimeout()));
        if (offer.apply(seen) == seen) {
            return;
        }
        SharedRecords.Changed<Assignment> offered = assignments.change(conversationId, offer);
        if (offered.changed() && offered.after() != null) {
            Set<String> fresh = new HashSet<>(offered.after().offeredTo());
            fresh.removeAll(offered.before().offeredTo());
            if (!fresh.isEmpty()) {
                events.publish(new DeskEvent(DeskEvent.Type.OFFERED, conversationId, fresh, now));
            }
        }
    }

    /** A customer wrote in a conversation an agent has: his desktop (and the other participants') shows it. */
    @Override
    public void customerWrote(String conversationId) {
        tellParticipants(DeskEvent.Type.MESSAGE, conversationId);
    }

    @Override
    public void customerTyping(String conversationId) {
        tellParticipants(DeskEvent.Type.TYPING, conversationId);
    }

    @Override
    public void customerRead(String conversationId) {
        tellParticipants(DeskEvent.Type.READ, conversationId);
    }

    /** Tells the agents taking part in the conversation, and its owner. */
    private void tellParticipants(DeskEvent.Type type, String conversationId) {
        assignments.get(conversationId).ifPresent(a -> {
            Set<String> to = new HashSet<>(a.participants());
            if (a.owner() != null) {
                to.add(a.owner());
            }
            tell(type, conversationId, to);
        });
    }

    void tell(DeskEvent.Type type, String conversationId, Set<String> to) {
        if (!to.isEmpty()) {
            events.publish(new DeskEvent(type, conversationId, to, clock.instant()));
        }
    }

    /** The conversations offered to this agent now, oldest first. */
    public List<Assignment> offersFor(String username) {
        return sorted(assignments.matching(new OfferedTo(username)));
    }

    /** The conversations this agent is invited to join. */
    public List<Assignment> invitationsFor(String username) {
        return sorted(assignments.matching(new InvitedTo(username)));
    }

    /** The conversations he takes part in, and the suspended ones he owns. */
    public List<Assignment> heldBy(String username) {
        return sorted(assignments.matching(new HeldBy(username)));
    }

    /** The conversations he takes part in, each holding a seat of his capacity. */
    private Set<String> takingPart(String username) {
        return assignments.matching(new HeldBy(username)).stream()
                .filter(a -> a.participants().contains(username))
                .map(Assignment::conversationId)
                .collect(Collectors.toSet());
    }

    /** Every waiting conversation in the order it is served; position = index + 1. */
    public List<Assignment> queue() {
        return sorted(assignments.matching(new Queued()));
    }

    SharedRecords<Assignment> assignments() {
        return assignments;
    }

    AgentPresence presence() {
        return presence;
    }

    public Optional<Assignment> assignment(String conversationId) {
        return assignments.get(conversationId);
    }

    /**
     * An agent accepts an offer. A seat of his capacity is taken first, then the claim, one atomic change of
     * the assignment, decides; a lost claim gives the seat back.
     */
    public ClaimResult claim(AgentStatus agent, String conversationId) {
        Optional<Assignment> current = assignments.get(conversationId);
        if (current.isEmpty()) {
            return new ClaimResult(ClaimResult.Outcome.NOT_OFFERED, null);
        }
        if (!current.get().isQueued()) {
            return new ClaimResult(current.get().owner() == null ? ClaimResult.Outcome.NOT_OFFERED
                    : ClaimResult.Outcome.TAKEN, current.get());
        }
        if (!current.get().offeredTo().contains(agent.username())) {
            return new ClaimResult(ClaimResult.Outcome.NOT_OFFERED, current.get());
        }
        if (!seats.take(agent.username(), conversationId)) {
            return new ClaimResult(ClaimResult.Outcome.NO_CAPACITY, current.get());
        }
        SharedRecords.Changed<Assignment> claimed =
                assignments.change(conversationId, new Claim(agent.username(), agent.displayName()));
        Assignment after = claimed.after();
        if (claimed.changed() && agent.username().equals(after.owner())) {
            Set<String> told = new HashSet<>(claimed.before().offeredTo());
            told.add(agent.username());
            tell(DeskEvent.Type.CLAIMED, conversationId, told);
            leftQueue(conversationId);
            return new ClaimResult(ClaimResult.Outcome.WON, after);
        }
        seats.release(agent.username(), conversationId);
        return new ClaimResult(after.owner() != null ? ClaimResult.Outcome.TAKEN : ClaimResult.Outcome.NOT_OFFERED,
                after);
    }

    /** He marks himself preferred agent of this conversation's customer. */
    public void markPreferred(String username, Assignment assignment) {
        preferred.put(assignment.customerId(), new PreferredAgent(username, clock.instant()));
    }

    /** Reads the cluster again for the hot path's snapshot (and the agents on duty). */
    public void refresh() {
        presence.reload();
        List<Assignment> waiting = queue();
        List<String> queue = waiting.stream().map(Assignment::conversationId).toList();
        Map<String, Integer> priorities = waiting.stream().filter(a -> a.priority() > 0)
                .collect(Collectors.toUnmodifiableMap(Assignment::conversationId, Assignment::priority));
        Snapshot before = snapshot;
        snapshot = new Snapshot(presence.availableCount(), queue, priorities);
        tellIfOnDutyChanged(before);
    }

    /**
     * Runs {@code listener} each time this node's count of agents on duty may have gone from none to some or back
     * (it reads {@link #agentsOnDuty} itself): after a presence change here or heard from another node, and at each
     * refresh.
     */
    public void whenOnDutyChanges(Runnable listener) {
        onDutyListeners.add(listener);
    }

    private void tellIfOnDutyChanged(Snapshot before) {
        if ((before.agentsOnDuty() > 0) != (snapshot.agentsOnDuty() > 0)) {
            onDutyListeners.forEach(Runnable::run);
        }
    }

    /**
     * An agent's presence changed, maybe on another node: this node's view of him and its count of agents on duty
     * follow, and when he can take more, the conversations waiting here are offered to him too. A change made on
     * this node was followed as it was made, and is left alone.
     */
    public void presenceHeard(String username) {
        presence.follow(username).ifPresent(status -> {
            Snapshot before;
            synchronized (this) {
                before = snapshot;
                snapshot = new Snapshot(presence.availableCount(), before.queue(), before.priorities());
            }
            tellIfOnDutyChanged(before);
            if (status.canTakeMore()) {
                offerWaiting();
            }
        });
    }

    /** Queued here just now: the newest of the queue, so it goes behind every one of its priority or higher. */
    private synchronized void joinedQueue(String conversationId, int priority) {
        Snapshot before = snapshot;
        if (!before.queue().contains(conversationId)) {
            List<String> queue = new ArrayList<>(before.queue());
            queue.add(queuePosition(conversationId, priority) - 1, conversationId);
            Map<String, Integer> priorities = new HashMap<>(before.priorities());
            if (priority > 0) {
                priorities.put(conversationId, priority);
            }
            snapshot = new Snapshot(before.agentsOnDuty(), List.copyOf(queue), Map.copyOf(priorities));
        }
    }

    /** Claimed here just now. */
    private synchronized void leftQueue(String conversationId) {
        Snapshot before = snapshot;
        if (before.queue().contains(conversationId)) {
            List<String> queue = new ArrayList<>(before.queue());
            queue.remove(conversationId);
            Map<String, Integer> priorities = new HashMap<>(before.priorities());
            priorities.remove(conversationId);
            snapshot = new Snapshot(before.agentsOnDuty(), List.copyOf(queue), Map.copyOf(priorities));
        }
    }

    /** In the order they are served: the higher priority first, then the longest waiting. */
    private static List<Assignment> sorted(List<Assignment> list) {
        return list.stream()
                .sorted(Comparator.comparing(Assignment::priority, Comparator.reverseOrder())
                        .thenComparing(Assignment::queuedAt)
                        .thenComparing(Assignment::conversationId))
                .toList();
    }

    record Enqueue(Assignment fresh) implements SharedRecords.Change<Assignment> {
        @Override
        public Assignment apply(Assignment before) {
            return before == null || before.stage() == Assignment.Stage.FINISHED ? fresh : before;
        }
    }

    /**
     * Offers to the candidates not offered yet. A run-out offer first moves its agents to the passed-over;
     * when every candidate was passed over, a new round starts with all of them.
     */
    record Offer(Set<String> candidates, Instant now, Instant expires) implements SharedRecords.Change<Assignment> {
        @Override
        public Assignment apply(Assignment before) {
            if (before == null || !before.isQueued()) {
                return before;
            }
            Set<String> offeredTo = new HashSet<>(before.offeredTo());
            Set<String> passedOver = new HashSet<>(before.passedOver());
            Instant expiresAt = before.offerExpiresAt();
            if (before.offerExpired(now)) {
                passedOver.addAll(offeredTo);
                offeredTo.clear();
                expiresAt = null;
            }
            Set<String> fresh = new HashSet<>(candidates);
            fresh.removeAll(passedOver);
            fresh.removeAll(offeredTo);
            if (fresh.isEmpty() && offeredTo.isEmpty() && !candidates.isEmpty()) {
                passedOver.clear();
                fresh.addAll(candidates);
            }
            offeredTo.addAll(fresh);
            if (expiresAt == null && !offeredTo.isEmpty()) {
                expiresAt = expires;
            }
            if (offeredTo.equals(before.offeredTo()) && passedOver.equals(before.passedOver())
                    && java.util.Objects.equals(expiresAt, before.offerExpiresAt())) {
                return before;
            }
            return before.offered(offeredTo, passedOver, expiresAt);
        }
    }

    record Claim(String username, String displayName) implements SharedRecords.Change<Assignment> {
        @Override
        public Assignment apply(Assignment before) {
            if (before == null || !before.isQueued() || !before.offeredTo().contains(username)) {
                return before;
            }
            return before.ownedBy(username, displayName);
        }
    }

    record Queued() implements SharedRecords.Filter<Assignment> {
        @Override
        public boolean test(Assignment value) {
            return value.isQueued();
        }

        @Override
        public SharedRecords.Indexed indexed() {
            return Assignment.IN_QUEUE;
        }
    }

    record OfferedTo(String username) implements SharedRecords.Filter<Assignment> {
        @Override
        public boolean test(Assignment value) {
            return value.isQueued() && value.offeredTo().contains(username);
        }

        @Override
        public SharedRecords.Indexed indexed() {
            return Assignment.IN_QUEUE;
        }
    }

    record InvitedTo(String username) implements SharedRecords.Filter<Assignment> {
        @Override
        public boolean test(Assignment value) {
            return value.invited().contains(username);
        }
    }

    record HeldBy(String username) implements SharedRecords.Filter<Assignment> {
        @Override
        public boolean test(Assignment value) {
            return value.participants().contains(username)
                    || value.stage() == Assignment.Stage.SUSPENDED && username.equals(value.owner());
        }
    }
}
