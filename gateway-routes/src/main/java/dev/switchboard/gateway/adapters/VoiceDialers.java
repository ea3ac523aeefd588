package dev.switchboard.gateway.adapters;

import dev.switchboard.hub.agents.CallBackDialer;
import dev.switchboard.spi.VoiceDialer;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The adapter that places the help desk's call backs: at most one per gateway. */
public final class VoiceDialers implements CallBackDialer {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceDialers.class);

    private record Registered(String adapterId, VoiceDialer dialer) {
    }

    private final AtomicReference<Registered> registered = new AtomicReference<>();

    void register(String adapterId, VoiceDialer dialer) {
        Registered mine = new Registered(adapterId, dialer);
        if (!registered.compareAndSet(null, mine)) {
            throw new IllegalStateException("adapter " + adapterId + " asked to place call backs, which adapter "
                    + registered.get().adapterId() + " places already");
        }
        LOG.info("Call backs -> adapter {}", adapterId);
    }

    @Override
    public boolean available() {
        return registered.get() != null;
    }

    @Override
    public String dial(CallBack call) {
        Registered current = registered.get();
        if (current == null) {
            throw new IllegalStateException("no voice channel is on to place call backs");
        }
        return current.dialer().dial(call);
    }
}
