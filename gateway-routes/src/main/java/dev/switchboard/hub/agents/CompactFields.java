package dev.switchboard.hub.agents;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * Field by field writing of the records that travel most between nodes and in and out of Hazelcast's maps
 * ({@link Assignment}, {@link DeskEvent}, {@link AgentStatus}). Java's default form of a set of 1,000 agent names writes each name as
 * an object of its own, with a handle looked up in a table: for an offer to 1,000 agents that was most of the
 * CPU an offer and a claim took. Here a name is a length and its bytes.
 */
final class CompactFields {
    private CompactFields() {
    }

    static void writeText(DataOutput out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    static String readText(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    static void writeNames(DataOutput out, Set<String> names) throws IOException {
        out.writeInt(names.size());
        for (String name : names) {
            out.writeUTF(name);
        }
    }

    /** The names as an immutable set, which the records keep as it is (they copy any other set). */
    static Set<String> readNames(DataInput in) throws IOException {
        String[] names = new String[in.readInt()];
        for (int i = 0; i < names.length; i++) {
            names[i] = in.readUTF();
        }
        return Set.of(names);
    }

    static void writeInstant(DataOutput out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    static Instant readInstant(DataInput in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }
}
