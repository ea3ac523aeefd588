package dev.switchboard.gateway.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The watch over the node's count of agents on duty tells its subscribers each change from none to some and back. */
class AgentsAvailableWatchTest {

    @Test
    void tellsEachChangeBetweenNobodyAndSomebodyOnceAndNothingElse() {
        AtomicInteger onDuty = new AtomicInteger();
        List<Boolean> told = new CopyOnWriteArrayList<>();
        try (AgentsAvailableWatch watch = new AgentsAvailableWatch(onDuty::get)) {
            watch.subscribe(told::add);
            assertThat(watch.now()).isFalse();

            onDuty.set(1);
            await().atMost(Duration.ofSeconds(2)).until(watch::now);
            onDuty.set(3);
            onDuty.set(0);
            await().atMost(Duration.ofSeconds(2)).until(() -> !watch.now());
            onDuty.set(2);
            await().atMost(Duration.ofSeconds(2)).until(() -> told.size() == 3);

            assertThat(told).containsExactly(true, false, true);
        }
    }

    @Test
    void aSubscriptionClosedIsToldNothingMore() {
        AtomicInteger onDuty = new AtomicInteger(1);
        List<Boolean> told = new CopyOnWriteArrayList<>();
        List<Boolean> other = new CopyOnWriteArrayList<>();
        try (AgentsAvailableWatch watch = new AgentsAvailableWatch(onDuty::get)) {
            assertThat(watch.now()).isTrue();
            watch.subscribe(told::add).close();
            watch.subscribe(other::add);

            onDuty.set(0);
            await().atMost(Duration.ofSeconds(2)).until(() -> other.size() == 1);

            assertThat(told).isEmpty();
            assertThat(other).containsExactly(false);
        }
    }
}
