package dev.switchboard.adapter.smpp.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The parts of long messages received so far, kept durably so that each part can be acknowledged to the
 * SMSC as it comes. When the last part arrives, the whole message is returned once; a part delivered
 * again (same group, number and octets) within the redelivery window is recognized and ignored, and a
 * different part under a reference still in use means the sender reused it: the old, unfinished message
 * is dropped. Unfinished messages are forgotten after a day.
 */
public final class LongMessageParts implements JournalPart {
    private static final Duration KEEP_UNFINISHED = Duration.ofDays(1);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    private static final class Group {
        final int total;
        final Instant started;
        final TreeMap<Integer, byte[]> parts = new TreeMap<>();
        boolean complete;

        Group(int total, Instant started) {
            this.total = total;
            this.started = started;
        }
    }

    private final Map<String, Group> groups = new HashMap<>();
    private final Duration redeliveryWindow;
    private Journal journal;

    public LongMessageParts(Duration redeliveryWindow) {
        this.redeliveryWindow = redeliveryWindow;
    }

    @Override
    public String name() {
        return "parts";
    }

    @Override
    public void attach(Journal attached) {
        this.journal = attached;
    }

    /**
     * Keeps one part.
     *
     * @param group  what identifies the long message: sender, recipient, reference and part count
     * @param number the part's 1-based number
     * @return the whole message's octets, in order, when this part completed it; otherwise empty
     */
    public synchronized Optional<byte[]> add(String group, int total, int number, byte[] octets, Instant now) {
        Group current = groups.get(group);
        if (current != null) {
            byte[] earlier = current.parts.get(number);
            boolean same = earlier != null && Arrays.equals(earlier, octets);
            if (same && (!current.complete || !current.started.plus(redeliveryWindow).isBefore(now))) {
                return Optional.empty();
            }
            if (current.complete || earlier != null) {
                current = null;
            }
        }
        if (current == null) {
            current = new Group(total, now);
            groups.put(group, current);
        }
        journal.append(journal.record(this, "part").put("g", group).put("total", total).put("n", number)
                .put("at", current.started.toEpochMilli()).put("octets", BASE64.encodeToString(octets)));
        current.parts.put(number, octets);
        if (current.parts.size() < current.total) {
            return Optional.empty();
        }
        journal.append(journal.record(this, "done").put("g", group));
        current.complete = true;
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        current.parts.values().forEach(whole::writeBytes);
        return Optional.of(whole.toByteArray());
    }

    @Override
    public void replay(String kind, JsonNode record) {
        String group = record.path("g").asText();
        if ("done".equals(kind)) {
            Group done = groups.get(group);
            if (done != null) {
                done.complete = true;
            }
            return;
        }
        Group current = groups.get(group);
        int number = record.path("n").asInt();
        if (current == null || current.complete || current.parts.containsKey(number)) {
            current = new Group(record.path("total").asInt(), Instant.ofEpochMilli(record.path("at").asLong()));
            groups.put(group, current);
        }
        current.parts.put(number, BASE64_DECODER.decode(record.path("octets").asText()));
    }

    @Override
    public void snapshot(Consumer<ObjectNode> out) {
        Instant now = Instant.now();
        groups.entrySet().removeIf(entry -> entry.getValue().complete
                ? entry.getValue().started.plus(redeliveryWindow).isBefore(now)
                : entry.getValue().started.plus(KEEP_UNFINISHED).isBefore(now));
        groups.forEach((group, g) -> {
            g.parts.forEach((number, octets) -> out.accept(journal.record(this, "part").put("g", group)
                    .put("total", g.total).put("n", number).put("at", g.started.toEpochMilli())
                    .put("octets", BASE64.encodeToString(octets))));
            if (g.complete) {
                out.accept(journal.record(this, "done").put("g", group));
            }
        });
    }
}
