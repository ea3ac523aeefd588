package dev.switchboard.adapter.smpp.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The numbers that texted STOP and not START since: nothing is sent to them but the STOP confirmation. */
public final class OptOuts implements JournalPart {
    private final Set<String> numbers = ConcurrentHashMap.newKeySet();
    private Journal journal;

    @Override
    public String name() {
        return "opt-outs";
    }

    @Override
    public void attach(Journal attached) {
        this.journal = attached;
    }

    public boolean contains(String number) {
        return numbers.contains(number);
    }

    /** Opts {@code number} out; {@code false} when it already was. */
    public synchronized boolean optOut(String number) {
        if (numbers.contains(number)) {
            return false;
        }
        journal.append(journal.record(this, "out").put("n", number));
        numbers.add(number);
        return true;
    }

    /** Opts {@code number} back in; {@code false} when it was not opted out. */
    public synchronized boolean optIn(String number) {
        if (!numbers.contains(number)) {
            return false;
        }
        journal.append(journal.record(this, "in").put("n", number));
        numbers.remove(number);
        return true;
    }

    @Override
    public void replay(String kind, JsonNode record) {
        String number = record.path("n").asText();
        if ("out".equals(kind)) {
            numbers.add(number);
        } else {
            numbers.remove(number);
        }
    }

    @Override
    public void snapshot(Consumer<ObjectNode> out) {
        for (String number : numbers) {
            out.accept(journal.record(this, "out").put("n", number));
        }
    }
}
