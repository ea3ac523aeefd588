package dev.switchboard.gateway.adapters;

import dev.switchboard.spi.PhoneTexter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The adapter that texts phones outside any conversation (one-time codes): at most one per gateway. */
public final class PhoneTexters {
    private static final Logger LOG = LoggerFactory.getLogger(PhoneTexters.class);

    private record Registered(String adapterId, PhoneTexter texter) {
    }

    private final AtomicReference<Registered> registered = new AtomicReference<>();

    void register(String adapterId, PhoneTexter texter) {
        Registered mine = new Registered(adapterId, texter);
        if (!registered.compareAndSet(null, mine)) {
            throw new IllegalStateException("adapter " + adapterId + " asked to text phones, which adapter "
                    + registered.get().adapterId() + " texts already");
        }
        LOG.info("Texts outside conversations (one-time codes) -> adapter {}", adapterId);
    }

    /** The registered texter, or empty while no adapter texts phones. */
    Optional<PhoneTexter> current() {
        return Optional.ofNullable(registered.get()).map(Registered::texter);
    }
}
