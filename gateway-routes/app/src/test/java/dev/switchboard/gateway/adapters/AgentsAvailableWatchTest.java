package dev.switchboard.gateway.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The watch over the node's count of agents on duty tells its subscribers each change from none to some and back,
 * when the routing says the count may have changed.
 */
class AgentsAvailableWatchTest {

    @Test
    void tellsEachChangeBetweenNobodyAndSomebodyOnceAndNothingElse() {
        AtomicInteger onDuty = new AtomicInteger();
        List<Boolean> told = new CopyOnWriteArrayList<>();
        AgentsAvailableWatch watch = new AgentsAvailableWatch(onDuty::get);
        watch.subscribe(told::add);
        assertThat(watch.now()).isFalse();

        set(watch, onDuty, 1);
        assertThat(watch.now()).isTrue();
        set(watch, onDuty, 3);
        set(watch, onDuty, 0);
        assertThat(watch.now()).isFalse();
        set(watch, onDuty, 2);

        assertThat(told).containsExactly(true, false, true);
    }

    @Test
    void aSubscriptionClosedIsToldNothingMore() {
        AtomicInteger onDuty = new AtomicInteger(1);
        List<Boolean> told = new CopyOnWriteArrayList<>();
        List<Boolean> other = new CopyOnWriteArrayList<>();
        AgentsAvailableWatch watch = new AgentsAvailableWatch(onDuty::get);
        assertThat(watch.now()).isTrue();
        watch.subscribe(told::add).close();
        watch.subscribe(other::add);

        set(watch, onDuty, 0);

        assertThat(told).isEmpty();
        assertThat(other).containsExactly(false);
    }

    /** The count changes, and the routing says so, as its snapshot does. */
    private static void set(AgentsAvailableWatch watch, AtomicInteger onDuty, int agents) {
        onDuty.set(agents);
        watch.dutyChanged();
    }
}
