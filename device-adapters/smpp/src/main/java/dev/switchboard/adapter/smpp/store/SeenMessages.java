package dev.switchboard.adapter.smpp.store;

import dev.switchboard.spi.AdapterStore;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Recognizes a message the SMSC delivers again (it did not get our deliver_sm_resp in time), over any node's bind:
 * deliver_sm carries no message id, so a message is known by a fingerprint of its sender, recipient and octets. The
 * same fingerprint within the redelivery window gets the same idempotency key, so the hub answers it once; after the
 * window the same text is a new message.
 */
public final class SeenMessages {
    private static final int ATTEMPTS = 3;

    private final AdapterStore keys;
    private final Duration window;

    public SeenMessages(AdapterStore keys, Duration window) {
        this.keys = keys;
        this.window = window;
    }

    /**
     * The idempotency key of the message with {@code fingerprint}: the key it got when first seen within the window
     * (on any node), otherwise a new one from {@code newKey}, stored before it is returned.
     */
    public String keyFor(String fingerprint, Supplier<String> newKey) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String key = newKey.get();
            if (keys.putIfAbsent(fingerprint, key, window)) {
                return key;
            }
            Optional<String> earlier = keys.get(fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            // Seen, and its window ran out between the two calls: it is new now.
        }
        throw new IllegalStateException("no idempotency key settled for a text after " + ATTEMPTS + " attempts");
    }
}
