package dev.switchboard.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Agents' presence. An agent chooses available, away or offline; a desktop that stops calling (closed,
 * crashed, network gone) turns its agent away once the grace period has passed without a call, so nobody
 * is offered conversations he cannot see.
 *
 * <p>Routing asks who is on duty for every offer, so this node keeps a view of every agent's status: each
 * change made here goes into it as it is made, and {@link #reload} reads the whole cluster again (at every
 * tick of the agent desk), so a change made on another node shows here within a tick. An offer then costs
 * no query of the cluster: with 1,000 agents, that query (every status copied out of the map) was most of
 * an offer's cost.
 */
public final class AgentPresence {
    private final SharedRecords<AgentStatus> statuses;
    private final Duration grace;
    private final Clock clock;
    private final Map<String, Instant> lastTold = new ConcurrentHashMap<>();
    private final Map<String, AgentStatus> known = new ConcurrentHashMap<>();
    private volatile java.util.function.Consumer<Presence> onChange = presence -> { };
    private volatile java.util.function.Consumer<AgentStatus> whenChanged = status -> { };
    private volatile Function<String, Set<String>> holding = username -> Set.of();

    public AgentPresence(SharedRecords<AgentStatus> statuses, Duration grace, Clock clock) {
        this.statuses = statuses;
        this.grace = grace;
        this.clock = clock;
    }

    /** Told each presence an agent chooses on this node, after it holds (waiting conversations go to him). */
    public void onChange(java.util.function.Consumer<Presence> listener) {
        this.onChange = listener;
    }

    /** Told each agent's new status when his presence is set or he is turned away on this node: desktops show it. */
    public void whenChanged(java.util.function.Consumer<AgentStatus> listener) {
        this.whenChanged = listener;
    }

    /**
     * Where an agent's first status since the cluster started finds the conversations he takes part in already
     * (after a full restart, those he had before it): each holds a seat of his capacity again.
     */
    public void holdingFrom(Function<String, Set<String>> holding) {
        this.holding = holding;
    }

    public AgentStatus set(AgentAccount account, Presence presence) {
        // Only an agent with no status yet needs his seats found (a change of an existing status ignores them); this
        // node's view tells so without a cluster read, and a stale "absent" costs one look-up, not a wrong seat.
        Set<String> held = known.containsKey(account.username()) ? Set.of() : holding.apply(account.username());
        AgentStatus after = statuses.change(account.username(),
                new SetPresence(account, presence, clock.instant(), held)).after();
        heard(after);
        onChange.accept(presence);
        whenChanged.accept(after);
        return after;
    }

    /**
     * His desktop called: the grace period starts again. A desktop calls every second or so; the shared record
     * is written at most every quarter of the grace period from each node, which keeps it well inside it.
     */
    public void seen(String username) {
        Instant now = clock.instant();
        Instant told = lastTold.get(username);
        if (told != null && now.isBefore(told.plus(grace.dividedBy(4)))) {
            return;
        }
        lastTold.put(username, now);
        heard(statuses.change(username, new Seen(now)).after());
    }

    /**
     * His desktop's live connection closed: the grace period starts now, whenever his desktop last called, so
     * that he turns away one grace period after the disconnect.
     */
    public void disconnected(String username) {
        Instant now = clock.instant();
        lastTold.put(username, now);
        heard(statuses.change(username, new Seen(now)).after());
    }

    /** Turns away every available agent of this node's share whose desktop has been silent past the grace. */
    public void turnSilentAgentsAway() {
        Instant cutoff = clock.instant().minus(grace);
        for (String username : statuses.localMatching(new SilentSince(cutoff)).keySet()) {
            SharedRecords.Changed<AgentStatus> turned = statuses.change(username, new AwayIfSilent(cutoff));
            heard(turned.after());
            if (turned.before() != null && turned.before().presence() == Presence.AVAILABLE
                    && turned.after() != null && turned.after().presence() == Presence.AWAY) {
                whenChanged.accept(turned.after());
            }
        }
    }

    public Optional<AgentStatus> status(String username) {
        return statuses.get(username);
    }

    /** Every agent who has signed in since the cluster started, by name, read from the cluster. */
    public List<AgentStatus> everyone() {
        return statuses.matching(new AnyStatus()).stream().sorted(Comparator.comparing(AgentStatus::username)).toList();
    }

    /** Reads every agent's status from the cluster into this node's view. */
    public void reload() {
        statuses.matching(new AnyStatus()).forEach(this::heard);
    }

    /**
     * Reads one agent's status from the cluster into this node's view (his presence changed, maybe on another
     * node); returns it when this node's view changed, empty when the change was made here and is known already.
     */
    public Optional<AgentStatus> follow(String username) {
        Optional<AgentStatus> status = statuses.get(username);
        if (status.isEmpty() || status.get().equals(known.get(username))) {
            return Optional.empty();
        }
        heard(status.get());
        return status;
    }

    /** How many agents are available, as this node knows. */
    public int availableCount() {
        return (int) known.values().stream().filter(status -> status.presence() == Presence.AVAILABLE).count();
    }

    /** Agents who can be offered a conversation now, as this node knows. */
    public List<AgentStatus> ableToTakeMore() {
        return known.values().stream().filter(AgentStatus::canTakeMore).toList();
    }

    /** A status as a change made here left it (a seat taken or given back, a presence chosen). */
    void heard(AgentStatus status) {
        if (status != null) {
            known.put(status.username(), status);
        }
    }

    /** @param held the conversations he holds when he has no status yet */
    record SetPresence(AgentAccount account, Presence presence, Instant now, Set<String> held)
            implements SharedRecords.Change<AgentStatus> {
        @Override
        public AgentStatus apply(AgentStatus before) {
            return before == null ? AgentStatus.of(account, presence, now, held)
                    : before.withPresence(presence, account, now);
        }
    }

    record Seen(Instant now) implements SharedRecords.Change<AgentStatus> {
        @Override
        public AgentStatus apply(AgentStatus before) {
            return before == null ? null : before.seenAt(now);
        }
    }

    record AwayIfSilent(Instant cutoff) implements SharedRecords.Change<AgentStatus> {
        @Override
        public AgentStatus apply(AgentStatus before) {
            return before != null && before.presence() == Presence.AVAILABLE && before.lastSeen().isBefore(cutoff)
                    ? before.away() : before;
        }
    }

    record SilentSince(Instant cutoff) implements SharedRecords.Filter<AgentStatus> {
        @Override
        public boolean test(AgentStatus value) {
            return value.presence() == Presence.AVAILABLE && value.lastSeen().isBefore(cutoff);
        }
    }

    record AnyStatus() implements SharedRecords.Filter<AgentStatus> {
        @Override
        public boolean test(AgentStatus value) {
            return true;
        }
    }

}
