package dev.switchboard.adapter.smpp.store;

import dev.switchboard.spi.AdapterStore;
import java.time.Duration;
import java.util.Optional;

/**
 * The rest of each customer's last long answer, sent when he texts MORE (over any node's bind). One per number: a
 * newer answer replaces it; kept {@link #KEPT} after the answer.
 */
public final class MorePages {
    static final Duration KEPT = Duration.ofDays(30);

    private final AdapterStore rests;

    public MorePages(AdapterStore rests) {
        this.rests = rests;
    }

    /** Keeps {@code rest} for {@code number}, or forgets what was kept when {@code rest} is {@code null}. */
    public void keep(String number, String rest) {
        if (rest == null) {
            rests.remove(number);
        } else {
            rests.put(number, rest, KEPT);
        }
    }

    public Optional<String> rest(String number) {
        return rests.get(number);
    }
}
