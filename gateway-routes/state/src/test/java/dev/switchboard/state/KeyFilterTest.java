package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyFilterTest {

    @Test
    void everyKeyAddedIsFoundAndFewOthersAreWhileItGrows() {
        KeyFilter filter = new KeyFilter();
        List<String> added = IntStream.range(0, 100_000).mapToObj(i -> "web:visitor-" + i).toList();
        added.forEach(filter::add);

        assertThat(added).allMatch(filter::mightContain);
        long wrong = IntStream.range(0, 100_000).mapToObj(i -> "web:stranger-" + i).filter(filter::mightContain).count();
        assertThat(wrong).as("keys never added that the filter says may be there").isLessThan(1_000);
        assertThat(filter.bytes()).as("bits held for 100,000 keys").isLessThan(100_000L * 4);
    }

    @Test
    void keysAddedFromManyThreadsAtOnceAreAllFound() throws Exception {
        KeyFilter filter = new KeyFilter();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> adders = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                adders.add(threads.submit(() -> {
                    List<String> mine = IntStream.range(0, 5_000).mapToObj(i -> UUID.randomUUID().toString()).toList();
                    mine.forEach(filter::add);
                    return mine;
                }));
            }
            for (Future<List<String>> adder : adders) {
                assertThat(adder.get()).allMatch(filter::mightContain);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aNewFilterHasNoKey() {
        assertThat(new KeyFilter().mightContain("customer-1")).isFalse();
    }
}
