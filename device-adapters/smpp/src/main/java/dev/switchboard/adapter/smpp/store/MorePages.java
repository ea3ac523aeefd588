package dev.switchboard.adapter.smpp.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The rest of each customer's last long answer, sent when he texts MORE. One per number: a newer answer replaces it. */
public final class MorePages implements JournalPart {
    private final Map<String, String> rests = new ConcurrentHashMap<>();
    private Journal journal;

    @Override
    public String name() {
        return "more";
    }

    @Override
    public void attach(Journal attached) {
        this.journal = attached;
    }

    /** Keeps {@code rest} for {@code number}, or forgets what was kept when {@code rest} is {@code null}. */
    public synchronized void keep(String number, String rest) {
        if (rest == null && !rests.containsKey(number)) {
            return;
        }
        ObjectNode record = journal.record(this, "set").put("n", number);
        journal.append(rest == null ? record : record.put("text", rest));
        if (rest == null) {
            rests.remove(number);
        } else {
            rests.put(number, rest);
        }
    }

    public Optional<String> rest(String number) {
        return Optional.ofNullable(rests.get(number));
    }

    @Override
    public void replay(String kind, JsonNode record) {
        String number = record.path("n").asText();
        if (record.hasNonNull("text")) {
            rests.put(number, record.get("text").asText());
        } else {
            rests.remove(number);
        }
    }

    @Override
    public void snapshot(Consumer<ObjectNode> out) {
        rests.forEach((number, rest) -> out.accept(journal.record(this, "set").put("n", number).put("text", rest)));
    }
}
