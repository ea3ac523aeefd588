package dev.switchboard.adapter.smpp.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The durable outbox: texts wait here until the SMSC accepted every part, and then until its delivery
 * receipts decide their fate. An enqueued text survives a restart and is sent once; texts keep the order
 * they were enqueued in ({@link Entry#seq()}).
 */
public final class Outbox implements JournalPart {
    /** Texts sent this long ago without a final receipt are forgotten at the next start. */
    private static final Duration KEEP_UNANSWERED = Duration.ofDays(3);
    /** How long the key of a finished text is remembered, so that the same text enqueued again is not resent. */
    private static final Duration REMEMBER_FINISHED = Duration.ofDays(1);

    /** A text in the outbox and how far it got. */
    public static final class Entry {
        private final long seq;
        private final OutgoingSms sms;
        private final Instant enqueuedAt;
        private final List<String> smscIds = new ArrayList<>();
        private final Set<String> delivered = new HashSet<>();
        private boolean sent;

        Entry(long seq, OutgoingSms sms, Instant enqueuedAt) {
            this.seq = seq;
            this.sms = sms;
            this.enqueuedAt = enqueuedAt;
        }

        public long seq() {
            return seq;
        }

        public OutgoingSms sms() {
            return sms;
        }
    }

    /** The fate of a text, once its receipts decided it. */
    public record Fate(OutgoingSms sms, boolean delivered, String detail) {
    }

    private record EarlyReceipt(boolean delivered, String detail) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, String> keyBySmscId = new HashMap<>();
    private final Map<String, EarlyReceipt> earlyReceipts = new HashMap<>();
    private final Map<String, Instant> finished = new HashMap<>();
    private long nextSeq;
    private Journal journal;

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public void attach(Journal attached) {
        this.journal = attached;
    }

    /** Adds a text; empty when a text with its key is there already (or was sent since the last start). */
    public synchronized Optional<Entry> enqueue(OutgoingSms sms, Instant now) {
        if (entries.containsKey(sms.key()) || finished.containsKey(sms.key())) {
            return Optional.empty();
        }
        Entry entry = new Entry(nextSeq++, sms, now);
        journal.append(added(entry));
        entries.put(sms.key(), entry);
        return Optional.of(entry);
    }

    /** The texts not yet accepted by the SMSC, oldest first. */
    public synchronized List<Entry> pending() {
        return entries.values().stream().filter(e -> !e.sent).sorted(Comparator.comparingLong(Entry::seq)).toList();
    }

    /** How many texts wait to be sent. */
    public synchronized int pendingCount() {
        return (int) entries.values().stream().filter(e -> !e.sent).count();
    }

    /**
     * Records that the SMSC accepted one part of a text under {@code smscId}. A receipt that came before
     * this call is applied now.
     *
     * @return the text's fate when a receipt already decided it
     */
    public synchronized Optional<Fate> partAccepted(String key, String smscId) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        journal.append(journal.record(this, "part").put("key", key).put("id", smscId));
        entry.smscIds.add(smscId);
        keyBySmscId.put(smscId, key);
        EarlyReceipt early = earlyReceipts.remove(smscId);
        return early == null ? Optional.empty() : receipt(smscId, early.delivered(), early.detail());
    }

    /**
     * Records that every part of a text was accepted: it leaves the queue and waits for its receipts.
     *
     * @return the text's fate when receipts for every part came already
     */
    public synchronized Optional<Fate> accepted(String key) {
        Entry entry = entries.get(key);
        if (entry == null || entry.sent) {
            return Optional.empty();
        }
        journal.append(journal.record(this, "sent").put("key", key));
        entry.sent = true;
        return settleIfDelivered(entry);
    }

    /** Takes a text out without sending it (a number that opted out). */
    public synchronized void drop(String key) {
        Entry entry = entries.get(key);
        if (entry != null) {
            finish(entry);
        }
    }

    /**
     * Applies a delivery receipt for one part.
     *
     * @return the text's fate when this receipt decided it: the first failed part fails the text; the text
     *         is delivered when every part is
     */
    public synchronized Optional<Fate> receipt(String smscId, boolean delivered, String detail) {
        String key = keyBySmscId.get(smscId);
        if (key == null) {
            earlyReceipts.put(smscId, new EarlyReceipt(delivered, detail));
            return Optional.empty();
        }
        Entry entry = entries.get(key);
        if (!delivered) {
            finish(entry);
            return Optional.of(new Fate(entry.sms, false, detail));
        }
        journal.append(journal.record(this, "delivered").put("key", key).put("id", smscId));
        entry.delivered.add(smscId);
        return settleIfDelivered(entry);
    }

    private Optional<Fate> settleIfDelivered(Entry entry) {
        if (entry.sent && entry.delivered.size() == entry.smscIds.size() && !entry.smscIds.isEmpty()) {
            finish(entry);
            return Optional.of(new Fate(entry.sms, true, null));
        }
        return Optional.empty();
    }

    private void finish(Entry entry) {
        Instant now = Instant.now();
        journal.append(journal.record(this, "done").put("key", entry.sms.key()).put("at", now.toEpochMilli()));
        forget(entry, now);
    }

    private void forget(Entry entry, Instant at) {
        entries.remove(entry.sms.key());
        entry.smscIds.forEach(keyBySmscId::remove);
        finished.put(entry.sms.key(), at);
    }

    private ObjectNode added(Entry entry) {
        OutgoingSms sms = entry.sms;
        return journal.record(this, "add").put("key", sms.key()).put("seq", entry.seq).put("to", sms.recipient())
                .put("text", sms.text()).put("conversation", sms.conversationId()).put("message", sms.messageId())
                .put("force", sms.evenIfOptedOut()).put("at", entry.enqueuedAt.toEpochMilli());
    }

    @Override
    public void replay(String kind, JsonNode record) {
        String key = record.path("key").asText();
        if ("done".equals(kind)) {
            Entry entry = entries.get(key);
            if (entry != null) {
                forget(entry, Instant.ofEpochMilli(record.path("at").asLong()));
            } else {
                finished.put(key, Instant.ofEpochMilli(record.path("at").asLong()));
            }
            return;
        }
        if ("add".equals(kind)) {
            Entry entry = new Entry(record.path("seq").asLong(), new OutgoingSms(key, record.path("to").asText(),
                    record.path("text").asText(), textOrNull(record, "conversation"), textOrNull(record, "message"),
                    record.path("force").asBoolean()), Instant.ofEpochMilli(record.path("at").asLong()));
            entries.put(key, entry);
            nextSeq = Math.max(nextSeq, entry.seq + 1);
            return;
        }
        Entry entry = entries.get(key);
        if (entry == null) {
            return;
        }
        switch (kind) {
            case "part" -> {
                entry.smscIds.add(record.path("id").asText());
                keyBySmscId.put(record.path("id").asText(), key);
            }
            case "sent" -> entry.sent = true;
            case "delivered" -> entry.delivered.add(record.path("id").asText());
            default -> { }
        }
    }

    private static String textOrNull(JsonNode record, String field) {
        return record.hasNonNull(field) ? record.get(field).asText() : null;
    }

    @Override
    public synchronized void snapshot(Consumer<ObjectNode> out) {
        Instant oldest = Instant.now().minus(KEEP_UNANSWERED);
        entries.values().removeIf(e -> e.sent && e.enqueuedAt.isBefore(oldest));
        Instant forgetBefore = Instant.now().minus(REMEMBER_FINISHED);
        finished.values().removeIf(at -> at.isBefore(forgetBefore));
        finished.forEach((key, at) -> out.accept(journal.record(this, "done").put("key", key).put("at", at.toEpochMilli())));
        entries.values().stream().sorted(Comparator.comparingLong(Entry::seq)).forEach(entry -> {
            out.accept(added(entry));
            entry.smscIds.forEach(id -> out.accept(journal.record(this, "part").put("key", entry.sms.key()).put("id", id)));
            if (entry.sent) {
                out.accept(journal.record(this, "sent").put("key", entry.sms.key()));
            }
            entry.delivered.forEach(id -> out.accept(journal.record(this, "delivered").put("key", entry.sms.key()).put("id", id)));
        });
    }
}
