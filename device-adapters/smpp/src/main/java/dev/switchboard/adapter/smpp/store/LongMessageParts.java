package dev.switchboard.adapter.smpp.store;

import dev.switchboard.spi.AdapterStore;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of long messages received so far, on every node: each part is one record ({@code <group>/<number>}),
 * stored before it is acknowledged to the SMSC, so that the part that completes a message may come over any node's
 * bind. When a part completes its message, the whole message is returned; once the desk took it,
 * {@link #finished} marks it ({@code <group>/done}), and a part delivered again (same group, number and octets) within
 * the redelivery window is recognized and ignored. A different part under a reference still in use means the sender
 * reused it: the old message is dropped. Unfinished messages are forgotten after a day.
 *
 * <p>Two nodes storing the last two parts at once: each reads the parts after storing its own, so at least one sees
 * them all; both may, and hand the same text to the desk under the same idempotency key ({@link SeenMessages}), which
 * the hub answers once.
 */
public final class LongMessageParts {
    private static final Duration KEEP_UNFINISHED = Duration.ofDays(1);
    private static final String DONE = "done";
    private static final int MAX_PARTS = 255;
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    private final AdapterStore parts;
    private final Duration redeliveryWindow;

    public LongMessageParts(AdapterStore parts, Duration redeliveryWindow) {
        this.parts = parts;
        this.redeliveryWindow = redeliveryWindow;
    }

    /**
     * Keeps one part.
     *
     * @param group  what identifies the long message: sender, recipient, reference and part count
     * @param number the part's 1-based number
     * @return the whole message's octets, in order, when every part is there; otherwise empty
     */
    public Optional<byte[]> add(String group, int total, int number, byte[] octets, Instant now) {
        String prefix = group + "/";
        Optional<String> earlier = parts.get(prefix + number);
        boolean same = earlier.isPresent() && Arrays.equals(BASE64_DECODER.decode(earlier.get()), octets);
        Optional<String> done = parts.get(prefix + DONE);
        if (done.isPresent()) {
            if (same && !Instant.ofEpochMilli(Long.parseLong(done.get())).plus(redeliveryWindow).isBefore(now)) {
                return Optional.empty();
            }
            forget(prefix);
        } else if (earlier.isPresent() && !same) {
            forget(prefix);
        }
        if (!same || done.isPresent()) {
            parts.put(prefix + number, BASE64.encodeToString(octets), KEEP_UNFINISHED);
        }
        Map<Integer, byte[]> all = new TreeMap<>();
        for (AdapterStore.Entry part : parts.list(prefix, MAX_PARTS + 1)) {
            String rest = part.key().substring(prefix.length());
            if (rest.matches("[0-9]+")) {
                all.put(Integer.parseInt(rest), BASE64_DECODER.decode(part.value()));
            }
        }
        if (all.size() < total) {
            return Optional.empty();
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        all.values().forEach(whole::writeBytes);
        return Optional.of(whole.toByteArray());
    }

    /** Marks the message of {@code group} taken by the desk, so that its parts delivered again are ignored. */
    public void finished(String group, Instant now) {
        parts.put(group + "/" + DONE, Long.toString(now.toEpochMilli()), KEEP_UNFINISHED);
    }

    private void forget(String prefix) {
        List<AdapterStore.Entry> old = parts.list(prefix, MAX_PARTS + 1);
        old.forEach(part -> parts.remove(part.key()));
    }
}
