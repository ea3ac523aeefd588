package dev.switchboard.adapter.smpp;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Keeps submit_sm under a rate the SMSC account allows: each caller gets the next free slot and waits for it. */
final class SendRate {
    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    /** @param perSecond submits per second; 0 for no limit */
    SendRate(int perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
