package dev.switchboard.bench;

import dev.switchboard.desk.DeskEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agents' side of the desk benchmark: hears every desk event the node publishes (on the cluster's topic, as
 * a desktop's node does) and, for each offer, has {@code racers} of the agents it was offered to accept it at
 * once over the agent API. Counts how the claims ended, and for each won claim the time from the offer being
 * made (the event's time, taken by the hub as it offered) to the claim's answer reaching the agent.
 */
final class ClaimRace {
    private final DeskAgents agents;
    private final int racers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Tally tally;

    /** What one phase saw. */
    static final class Tally {
        final Latencies offerToClaim;
        /** For each won claim: from the offer to the agent hearing of it (the topic, this node's listeners). */
        final Latencies offerHeard;
        /** For each won claim: from the agent sending it to the answer (the agent API's claim). */
        final Latencies claimAnswered;
        final AtomicInteger won = new AtomicInteger();
        final AtomicInteger taken = new AtomicInteger();
        final AtomicInteger notOffered = new AtomicInteger();
        final AtomicInteger noCapacity = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger offers = new AtomicInteger();
        final AtomicLong lastWin = new AtomicLong();
        volatile String firstFailure;

        Tally(int capacity) {
            offerToClaim = new Latencies(capacity);
            offerHeard = new Latencies(capacity);
            claimAnswered = new Latencies(capacity);
        }

        int attempts() {
            return won.get() + taken.get() + notOffered.get() + noCapacity.get() + failed.get();
        }
    }

    ClaimRace(DeskAgents agents, int racers) {
        this.agents = agents;
        this.racers = racers;
    }

    /** Starts counting into a fresh tally, which is returned. */
    Tally start(int capacity) {
        return start(new Tally(capacity));
    }

    /** Starts counting into {@code fresh} (made beforehand, so that it is on the heap before a heap reading). */
    Tally start(Tally fresh) {
        tally = fresh;
        return fresh;
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Told every desk event the node hears. */
    void heard(DeskEvent event) {
        Tally current = tally;
        if (current == null || event.type() != DeskEvent.Type.OFFERED) {
            return;
        }
        current.offers.incrementAndGet();
        long heard = Duration.between(event.at(), Instant.now()).toNanos();
        List<String> offeredTo = new ArrayList<>(event.to());
        Collections.shuffle(offeredTo, ThreadLocalRandom.current());
        for (String username : offeredTo.subList(0, Math.min(racers, offeredTo.size()))) {
            inFlight.incrementAndGet();
            long sent = System.nanoTime();
            agents.claim(username, event.conversationId()).whenComplete((answer, failure) -> {
                try {
                    count(current, event.at(), heard, System.nanoTime() - sent, answer, failure);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
    }

    private static void count(Tally tally, Instant offeredAt, long heardNanos, long answeredNanos,
                              DeskAgents.ClaimAnswer answer, Throwable failure) {
        if (failure != null) {
            tally.failed.incrementAndGet();
            tally.firstFailure = tally.firstFailure == null ? failure.toString() : tally.firstFailure;
            return;
        }
        if (answer.won()) {
            long nanos = Duration.between(offeredAt, Instant.now()).toNanos();
            int slot = tally.won.getAndIncrement();
            if (slot < tally.offerToClaim.capacity()) {
                tally.offerToClaim.set(slot, Math.max(1, nanos));
                tally.offerHeard.set(slot, Math.max(1, heardNanos));
                tally.claimAnswered.set(slot, Math.max(1, answeredNanos));
            }
            tally.lastWin.set(System.nanoTime());
            return;
        }
        switch (answer.error() == null ? "" : answer.error()) {
            case "taken" -> tally.taken.incrementAndGet();
            case "not_offered" -> tally.notOffered.incrementAndGet();
            case "no_capacity" -> tally.noCapacity.incrementAndGet();
            default -> {
                tally.failed.incrementAndGet();
                tally.firstFailure = tally.firstFailure == null ? "HTTP " + answer.status() + " " + answer.error()
                        : tally.firstFailure;
            }
        }
    }
}
