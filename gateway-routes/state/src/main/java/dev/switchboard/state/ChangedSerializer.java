package dev.switchboard.state;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.switchboard.desk.SharedRecords.Changed;

/**
 * What a change of a shared record answers, in Compact form: the record before and after, each in its own Compact
 * form (the records' class is the map's, which the generic {@link Changed} cannot tell the reflective serializer).
 * A change that left the record as it was sends it once, and {@code after} comes back as {@code before} itself, so
 * that {@link Changed#changed()} tells the same on the node that asked as on the node that ran it.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class ChangedSerializer implements CompactSerializer<Changed> {
    @Override
    public Changed read(CompactReader reader) {
        Object before = reader.readCompact("before");
        return new Changed(before, reader.readBoolean("unchanged") ? before : reader.readCompact("after"));
    }

    @Override
    public void write(CompactWriter writer, Changed changed) {
        boolean unchanged = !changed.changed();
        writer.writeCompact("before", changed.before());
        writer.writeBoolean("unchanged", unchanged);
        writer.writeCompact("after", unchanged ? null : changed.after());
    }

    @Override
    public String getTypeName() {
        return Changed.class.getName();
    }

    @Override
    public Class<Changed> getCompactClass() {
        return Changed.class;
    }
}
