package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.spi.AdapterStore;
import dev.switchboard.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Adapters' records in the database: what each call promises, on every kind of database the gateway runs on. */
class SqlAdapterStoreTest {
    private static final String BOTH = "dev.switchboard.testing.TestDatabases#both";

    private AdapterRecords records;

    private AdapterStore open(TestDatabase database, String adapter, String name) {
        if (records == null) {
            records = AdapterRecords.start(database.open().dataSource());
        }
        return records.store(adapter, name);
    }

    @AfterEach
    void close() {
        if (records != null) {
            records.close();
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aRecordIsStoredReplacedReadAndRemovedOnceInItsOwnNamespace(TestDatabase kind) {
        AdapterStore optOuts = open(kind, "smpp", "opt-outs");
        AdapterStore otherName = records.store("smpp", "more");
        AdapterStore otherAdapter = records.store("email", "opt-outs");

        optOuts.put("+48600000001", "one");
        optOuts.put("+48600000001", "two");

        assertThat(optOuts.get("+48600000001")).contains("two");
        assertThat(otherName.get("+48600000001")).isEmpty();
        assertThat(otherAdapter.get("+48600000001")).isEmpty();
        assertThat(records.store("smpp", "opt-outs").get("+48600000001")).contains("two");
        assertThat(optOuts.remove("+48600000001")).isTrue();
        assertThat(optOuts.remove("+48600000001")).isFalse();
        assertThat(optOuts.get("+48600000001")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void putIfAbsentTellsWhetherTheRecordIsNewAndKeepsTheFirstValue(TestDatabase kind) {
        AdapterStore store = open(kind, "email", "answered");

        assertThat(store.putIfAbsent("<m1@x>", "first")).isTrue();
        assertThat(store.putIfAbsent("<m1@x>", "second")).isFalse();

        assertThat(store.get("<m1@x>")).contains("first");
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void anExpiredRecordIsGoneForEveryCallAndMayBePutAgainAsNew(TestDatabase kind) {
        AdapterStore store = open(kind, "smpp", "seen");
        store.put("short", "a", Duration.ofSeconds(2));
        assertThat(store.putIfAbsent("short-too", "b", Duration.ofSeconds(2))).isTrue();
        store.put("long", "c", Duration.ofHours(1));
        assertThat(store.get("short")).contains("a");

        await().atMost(Duration.ofSeconds(10)).until(() -> store.get("short").isEmpty());

        assertThat(store.get("short-too")).isEmpty();
        assertThat(store.list("", 10)).extracting(AdapterStore.Entry::key).containsExactly("long");
        assertThat(store.count("")).isEqualTo(1);
        assertThat(store.remove("short")).isFalse();
        assertThat(store.claim("short", "node-a", Duration.ofMinutes(1))).isFalse();
        assertThat(store.putIfAbsent("short-too", "d", null)).isTrue();
        assertThat(store.get("short-too")).contains("d");
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aListingHoldsTheKeysWithThePrefixOldestFirstAndItsWildcardsAreLiteral(TestDatabase kind) {
        AdapterStore parts = open(kind, "smpp", "parts");
        parts.put("a_b/2", "second");
        parts.put("a_b/1", "first");
        parts.put("axb/1", "not under a_b");
        parts.put("a%/1", "not under a_b either");
        parts.put("a_b/2", "second, replaced");

        assertThat(parts.list("a_b/", 10)).containsExactly(
                new AdapterStore.Entry("a_b/2", "second, replaced"), new AdapterStore.Entry("a_b/1", "first"));
        assertThat(parts.list("a_b/", 1)).extracting(AdapterStore.Entry::key).containsExactly("a_b/2");
        assertThat(parts.list("", 10)).hasSize(4);
        assertThat(parts.count("a%")).isEqualTo(1);
        assertThat(parts.count("a")).isEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aClaimIsOneHoldersUntilItRunsOutOrIsGivenUp(TestDatabase kind) {
        AdapterStore outbox = open(kind, "smpp", "outbox");
        outbox.put("text-1", "{}");

        assertThat(outbox.claim("text-1", "node-a", Duration.ofMillis(500))).isTrue();
        assertThat(outbox.claim("text-1", "node-b", Duration.ofMinutes(1))).isFalse();
        assertThat(outbox.claim("text-1", "node-a", Duration.ofMillis(500))).as("renewed by its holder").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.claim("text-1", "node-b", Duration.ofMinutes(1)));
        assertThat(outbox.claim("text-1", "node-a", Duration.ofMinutes(1))).isFalse();

        assertThat(outbox.claim("text-1", "node-b", Duration.ZERO)).as("given up").isTrue();
        assertThat(outbox.claim("text-1", "node-a", Duration.ofMinutes(1))).isTrue();
        assertThat(outbox.claim("no-such-text", "node-a", Duration.ofMinutes(1))).isFalse();
        assertThat(outbox.get("text-1")).contains("{}");
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void ofNodesRacingForOneKeyExactlyOneIsToldItWasNewOrThatItRemovedOrClaimedIt(TestDatabase kind)
            throws Exception {
        AdapterStore store = open(kind, "smpp", "race");
        int racers = 6;
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 20; round++) {
                String key = "key-" + round;
                assertThat(race(threads, racers, i -> store.putIfAbsent(key, "v" + i))).as("new, round " + round).isEqualTo(1);
                assertThat(race(threads, racers, i -> store.claim(key, "node-" + i, Duration.ofMinutes(1))))
                        .as("claimed, round " + round).isEqualTo(1);
                assertThat(race(threads, racers, i -> store.remove(key))).as("removed, round " + round).isEqualTo(1);
                race(threads, racers, i -> {
                    store.put(key + "-put", "v" + i);
                    return true;
                });
                assertThat(store.count(key + "-put")).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private interface Racer {
        boolean run(int index) throws Exception;
    }

    /** Runs {@code racer} on {@code count} threads let go at once; how many returned true. */
    private static int race(ExecutorService threads, int count, Racer racer) throws Exception {
        CyclicBarrier start = new CyclicBarrier(count);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            Callable<Boolean> task = () -> {
                start.await();
                return racer.run(index);
            };
            results.add(threads.submit(task));
        }
        int won = 0;
        for (Future<Boolean> result : results) {
            won += result.get() ? 1 : 0;
        }
        return won;
    }
}
