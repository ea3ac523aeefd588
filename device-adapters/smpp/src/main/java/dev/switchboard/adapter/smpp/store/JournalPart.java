package dev.switchboard.adapter.smpp.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/** One kind of the adapter's durable state, kept in memory and written to the {@link Journal}. */
public interface JournalPart {
    /** The part's name in its records. */
    String name();

    /** Called once, before replay, with the journal the part writes to. */
    void attach(Journal journal);

    /** Applies one of the part's records read back at start-up. */
    void replay(String kind, JsonNode record);

    /** Writes records that rebuild what the part holds now, for compaction. */
    void snapshot(Consumer<ObjectNode> out);
}
