package dev.switchboard.adapter.smpp.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Recognizes a message the SMSC delivers again (it did not get our deliver_sm_resp in time): deliver_sm
 * carries no message id, so a message is known by a fingerprint of its sender, recipient and octets. The
 * same fingerprint within the redelivery window gets the same idempotency key, so the hub answers it
 * once; after the window the same text is a new message.
 */
public final class SeenMessages implements JournalPart {
    private record Seen(String key, Instant at) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Duration window;
    private Journal journal;

    public SeenMessages(Duration window) {
        this.window = window;
    }

    @Override
    public String name() {
        return "seen";
    }

    @Override
    public void attach(Journal attached) {
        this.journal = attached;
    }

    /**
     * The idempotency key of the message with {@code fingerprint}: the key it got when first seen within the
     * window, otherwise a new one from {@code newKey}, recorded before it is returned.
     */
    public synchronized String keyFor(String fingerprint, Instant now, Supplier<String> newKey) {
        Seen earlier = seen.get(fingerprint);
        if (earlier != null && !earlier.at().plus(window).isBefore(now)) {
            return earlier.key();
        }
        String key = newKey.get();
        journal.append(journal.record(this, "seen").put("f", fingerprint).put("key", key).put("at", now.toEpochMilli()));
        seen.put(fingerprint, new Seen(key, now));
        if (seen.size() % 10_000 == 0) {
            seen.values().removeIf(s -> s.at().plus(window).isBefore(now));
        }
        return key;
    }

    @Override
    public void replay(String kind, JsonNode record) {
        seen.put(record.path("f").asText(),
                new Seen(record.path("key").asText(), Instant.ofEpochMilli(record.path("at").asLong())));
    }

    @Override
    public void snapshot(Consumer<ObjectNode> out) {
        Instant now = Instant.now();
        seen.forEach((fingerprint, s) -> {
            if (!s.at().plus(window).isBefore(now)) {
                out.accept(journal.record(this, "seen").put("f", fingerprint).put("key", s.key())
                        .put("at", s.at().toEpochMilli()));
            }
        });
    }
}
