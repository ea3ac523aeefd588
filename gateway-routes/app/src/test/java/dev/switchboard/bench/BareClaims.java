package dev.switchboard.bench;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline of the desk benchmark: the least a claim can cost on the gateway's own Hazelcast member. A map
 * configured like the assignments (objects in memory, one backup); {@code offerers} threads in a closed loop each
 * put a waiting entry offered to {@code racers} names (the offer), then those racers claim it at once, each with
 * one entry processor that sets the owner if there is none (the claim). No HTTP, no hub: the atomic change alone.
 */
final class BareClaims {
    static final String MAP = "bench-bare-claims";

    /** A waiting entry and, once claimed, its owner. */
    record Waiting(String id, Set<String> offeredTo, String owner) {
    }

    /** Sets the owner when there is none and the claimant was offered it; answers whether he won. */
    record Claim(String username) implements EntryProcessor<String, Waiting, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Waiting> entry) {
            Waiting before = entry.getValue();
            if (before == null || before.owner() != null || !before.offeredTo().contains(username)) {
                return false;
            }
            entry.setValue(new Waiting(before.id(), Set.of(), username));
            return true;
        }
    }

    /** Claims won, in how long, and the latencies from offer to won claim. */
    record Outcome(int claims, double seconds, Latencies.Summary latency) {
        double perSecond() {
            return claims / seconds;
        }
    }

    private BareClaims() {
    }

    static Outcome run(HazelcastInstance member, int offerers, int racers, int maxClaims, int seconds)
            throws InterruptedException {
        member.getConfig().addMapConfig(new MapConfig(MAP).setBackupCount(1).setInMemoryFormat(InMemoryFormat.OBJECT));
        IMap<String, Waiting> map = member.getMap(MAP);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger won = new AtomicInteger();
        Latencies latencies = new Latencies(maxClaims);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < offerers; t++) {
            Thread thread = new Thread(() -> {
                List<String> names = new ArrayList<>();
                for (int r = 0; r < racers; r++) {
                    names.add(String.format("agent%04d", r));
                }
                int n;
                while (System.nanoTime() < end && (n = next.getAndIncrement()) < maxClaims) {
                    String id = "bare-" + n;
                    long offered = System.nanoTime();
                    map.set(id, new Waiting(id, Set.copyOf(names), null));
                    List<CompletableFuture<Boolean>> claims = new ArrayList<>();
                    for (String name : names) {
                        claims.add(map.submitToKey(id, new Claim(name)).toCompletableFuture());
                    }
                    long wonAt = 0;
                    for (CompletableFuture<Boolean> claim : claims) {
                        if (claim.join()) {
                            wonAt = System.nanoTime();
                        }
                    }
                    if (wonAt > 0) {
                        latencies.set(won.getAndIncrement(), wonAt - offered);
                    }
                }
            }, "bare-claims-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double took = (System.nanoTime() - started) / 1e9;
        int claims = won.get();
        map.destroy();
        return new Outcome(claims, took, latencies.summarize(claims));
    }
}
