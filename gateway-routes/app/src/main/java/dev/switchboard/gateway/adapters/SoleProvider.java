package dev.switchboard.gateway.adapters;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service at most one adapter of a gateway provides (the call backs, the texts outside conversations): the
 * first to register it is the one; a second adapter's registration fails start-up with both adapters named.
 *
 * @param <T> the service's SPI type
 */
public final class SoleProvider<T> {
    private static final Logger LOG = LoggerFactory.getLogger(SoleProvider.class);

    private record Registered<T>(String adapterId, T service) {
    }

    private final String what;
    private final AtomicReference<Registered<T>> registered = new AtomicReference<>();

    /** @param what the service in words, for the log and the error ("call backs") */
    public SoleProvider(String what) {
        this.what = what;
    }

    void register(String adapterId, T service) {
        Registered<T> mine = new Registered<>(adapterId, service);
        if (!registered.compareAndSet(null, mine)) {
            throw new IllegalStateException("adapter " + adapterId + " asked to provide the " + what
                    + ", which adapter " + registered.get().adapterId() + " provides already");
        }
        LOG.info("The {} -> adapter {}", what, adapterId);
    }

    /** The registered service, or empty while no adapter provides it. */
    Optional<T> current() {
        return Optional.ofNullable(registered.get()).map(Registered::service);
    }
}
