package dev.switchboard.desk;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's clock work on one node, on one thread: each tick turns silent agents away, offers waiting
 * customers, moves run-out offers on and ends idle sessions, after the duty of whoever serves the desk (the live
 * desktops' heartbeat). It also follows presence changes heard from other nodes.
 */
public final class DeskTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeskTicker.class);

    private final AgentDesk desk;
    private final Runnable servingDuty;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread ticker = new Thread(task, "agent-desk-ticker");
        ticker.setDaemon(true);
        return ticker;
    });

    public DeskTicker(AgentDesk desk, Runnable servingDuty) {
        this.desk = desk;
        this.servingDuty = servingDuty;
    }

    public void start(Duration period) {
        long millis = period.toMillis();
        thread.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * A desk event from any node. An agent's presence changed on another node enters this node's routing at
     * once, not at its next tick, so a customer who writes here just after an agent came on duty there is not
     * told that nobody is on duty.
     */
    public void heard(DeskEvent event) {
        if (event.type() != DeskEvent.Type.PRESENCE) {
            return;
        }
        try {
            // Off the Hazelcast event thread: the routing reads the agent's status from the cluster.
            thread.execute(() -> event.to().forEach(desk.routing()::presenceHeard));
        } catch (RejectedExecutionException closing) {
            LOG.debug("Presence of {} not followed: the desk is closing", event.to());
        }
    }

    private void tick() {
        try {
            servingDuty.run();
            desk.presence().turnSilentAgentsAway();
            desk.routing().offerWaiting();
            desk.routing().refresh();
            desk.sessions().endIdle();
        } catch (RuntimeException e) {
            LOG.warn("Agent desk tick failed (tried again at the next): {}", e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
