package dev.switchboard.adapter.smpp.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox every node shares: texts wait here until the SMSC accepted every part, and then until their
 * delivery receipts decide their fate. An enqueued text is sent once, by the one node that {@linkplain #claim claims}
 * it, and by another when the claims of that node run out (it stopped or died); texts are listed in the order they
 * were enqueued. A receipt may come over any node's bind and is matched all the same.
 *
 * <p>Its records, each in a store of the adapter's own:
 * <ul>
 *   <li>{@code outbox}: the texts waiting to be sent, claimed by the node sending one; removed once the SMSC
 *       accepted every part;</li>
 *   <li>{@code outbox-texts}: every text from its enqueueing until its fate is known (at most {@link #KEEP_UNSETTLED}),
 *       so that a text enqueued again meanwhile is not sent twice;</li>
 *   <li>{@code outbox-parts} ({@code <key>/<SMSC message id>}) and {@code outbox-smsc-ids} (SMSC message id to key):
 *       the parts the SMSC accepted;</li>
 *   <li>{@code outbox-receipts}: the final receipt of each part, by SMSC message id, whichever node it came to;</li>
 *   <li>{@code outbox-finished}: the texts whose fate is known (or that were dropped), for {@link #REMEMBER_FINISHED};
 *       put once, so that one node reports the fate once.</li>
 * </ul>
 *
 * <p>A text's fate is settled by whoever learns last what decides it (the sender, once every part was accepted; or
 * the node a receipt came to): each writes what it learned, then reads the rest, so at least one of them sees it all.
 */
public final class Outbox {
    /** Texts whose fate is not known this long after they were enqueued are forgotten (their receipts never came). */
    static final Duration KEEP_UNSETTLED = Duration.ofDays(7);
    /** How long the key of a finished text is remembered, so that the same text enqueued again is not resent. */
    static final Duration REMEMBER_FINISHED = Duration.ofDays(1);
    /** How long a node's claim on a text lasts without being renewed. */
    public static final Duration CLAIM = Duration.ofSeconds(30);
    private static final int MAX_PARTS = 255;

    /** A text in the outbox, and when it was enqueued. */
    public record Entry(OutgoingSms sms, Instant enqueuedAt) {
    }

    /** The fate of a text, once its receipts decided it. */
    public record Fate(OutgoingSms sms, boolean delivered, String detail) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final AdapterStore waiting;
    private final AdapterStore texts;
    private final AdapterStore parts;
    private final AdapterStore smscIds;
    private final AdapterStore receipts;
    private final AdapterStore finished;
    private final String holder;

    /**
     * @param holder this node's name in claims: unique to one node and one run of the adapter
     */
    public Outbox(AdapterContext context, String holder) {
        this.waiting = context.store("outbox");
        this.texts = context.store("outbox-texts");
        this.parts = context.store("outbox-parts");
        this.smscIds = context.store("outbox-smsc-ids");
        this.receipts = context.store("outbox-receipts");
        this.finished = context.store("outbox-finished");
        this.holder = holder;
    }

    /**
     * Adds a text; returns once it is stored. Empty when a text with its key is there already (waiting, or waiting
     * for its receipts) or finished within {@link #REMEMBER_FINISHED}.
     */
    public Optional<Entry> enqueue(OutgoingSms sms, Instant now) {
        String key = sms.key();
        if (finished.get(key).isPresent() || texts.get(key).isPresent()) {
            return Optional.empty();
        }
        Entry entry = new Entry(sms, now);
        String record = write(entry);
        if (!waiting.putIfAbsent(key, record)) {
            return Optional.empty();
        }
        texts.put(key, record, KEEP_UNSETTLED);
        return Optional.of(entry);
    }

    /** The texts waiting to be sent, oldest first, at most {@code limit}. */
    public List<Entry> waiting(int limit) {
        List<Entry> entries = new ArrayList<>();
        for (AdapterStore.Entry record : waiting.list("", limit)) {
            entries.add(read(record.value()));
        }
        return entries;
    }

    /** How many texts wait to be sent. */
    public int waitingCount() {
        return waiting.count("");
    }

    /**
     * Claims a waiting text for this node for {@link #CLAIM}, or renews the claim; ask before each side effect.
     *
     * @return whether this node may send it now: false when another node claimed it, or it left the outbox
     */
    public boolean claim(String key) {
        return waiting.claim(key, holder, CLAIM);
    }

    /** Gives up this node's claim on a text it will not send (it stops), so that another node sends it at once. */
    public void giveUp(String key) {
        waiting.claim(key, holder, Duration.ZERO);
    }

    /** Records that the SMSC accepted one part of a text under {@code smscId}. */
    public void partAccepted(String key, String smscId) {
        parts.put(key + "/" + smscId, "", KEEP_UNSETTLED);
        smscIds.put(smscId, key, KEEP_UNSETTLED);
    }

    /**
     * Records that every part of a text was accepted: it leaves the queue and waits for its receipts.
     *
     * @return the text's fate when receipts for every part came already
     */
    public Optional<Fate> accepted(String key) {
        waiting.remove(key);
        return settle(key);
    }

    /** Takes a text out without sending it (a number that opted out, a text the SMSC refused). */
    public void drop(String key) {
        if (finished.putIfAbsent(key, "", REMEMBER_FINISHED)) {
            texts.remove(key);
        }
        waiting.remove(key);
    }

    /**
     * Applies a final delivery receipt for one part, whichever node sent it.
     *
     * @return the text's fate when this receipt decided it: the first failed part fails the text; the text is
     *         delivered when every part is
     */
    public Optional<Fate> receipt(String smscId, boolean delivered, String detail) {
        ObjectNode receipt = json.createObjectNode().put("delivered", delivered);
        if (detail != null) {
            receipt.put("detail", detail);
        }
        receipts.put(smscId, receipt.toString(), KEEP_UNSETTLED);
        Optional<String> key = smscIds.get(smscId);
        return key.isEmpty() ? Optional.empty() : settle(key.get());
    }

    /** The text's fate, once for the cluster, when what is known decides it. */
    private Optional<Fate> settle(String key) {
        Optional<String> text = texts.get(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String prefix = key + "/";
        boolean allDelivered = true;
        int count = 0;
        String failure = null;
        boolean failed = false;
        for (AdapterStore.Entry part : parts.list(prefix, MAX_PARTS + 1)) {
            String smscId = part.key().substring(prefix.length());
            if (smscId.contains("/")) {
                continue;
            }
            count++;
            Optional<String> receipt = receipts.get(smscId);
            if (receipt.isEmpty()) {
                allDelivered = false;
                continue;
            }
            JsonNode read = tree(receipt.get());
            if (!read.path("delivered").asBoolean()) {
                failed = true;
                failure = read.hasNonNull("detail") ? read.get("detail").asText() : null;
                break;
            }
        }
        boolean delivered = !failed && allDelivered && count > 0 && waiting.get(key).isEmpty();
        if (!failed && !delivered) {
            return Optional.empty();
        }
        if (!finished.putIfAbsent(key, "", REMEMBER_FINISHED)) {
            return Optional.empty();
        }
        texts.remove(key);
        if (failed) {
            waiting.remove(key);
        }
        return Optional.of(new Fate(read(text.get()).sms(), delivered, failure));
    }

    private String write(Entry entry) {
        OutgoingSms sms = entry.sms();
        return json.createObjectNode().put("key", sms.key()).put("to", sms.recipient()).put("text", sms.text())
                .put("conversation", sms.conversationId()).put("message", sms.messageId())
                .put("force", sms.evenIfOptedOut()).put("at", entry.enqueuedAt().toEpochMilli()).toString();
    }

    private Entry read(String record) {
        JsonNode node = tree(record);
        return new Entry(new OutgoingSms(node.path("key").asText(), node.path("to").asText(), node.path("text").asText(),
                textOrNull(node, "conversation"), textOrNull(node, "message"), node.path("force").asBoolean()),
                Instant.ofEpochMilli(node.path("at").asLong()));
    }

    private JsonNode tree(String record) {
        try {
            return json.readTree(record);
        } catch (IOException e) {
            throw new UncheckedIOException("an unreadable record of the SMPP outbox: " + e.getMessage(), e);
        }
    }

    private static String textOrNull(JsonNode record, String field) {
        return record.hasNonNull(field) ? record.get(field).asText() : null;
    }
}
