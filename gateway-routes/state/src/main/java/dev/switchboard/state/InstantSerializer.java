package dev.switchboard.state;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.time.Instant;

/**
 * An {@link Instant} in Compact form, to the nanosecond: Compact has no field kind of its own for it (its timestamps are
 * local or offset date-times), and the records keep instants. Any record of the gateway or of an adapter with an
 * instant field carries it in this form, as a nested object.
 */
final class InstantSerializer implements CompactSerializer<Instant> {
    @Override
    public Instant read(CompactReader reader) {
        return Instant.ofEpochSecond(reader.readInt64("seconds"), reader.readInt32("nanos"));
    }

    @Override
    public void write(CompactWriter writer, Instant instant) {
        writer.writeInt64("seconds", instant.getEpochSecond());
        writer.writeInt32("nanos", instant.getNano());
    }

    @Override
    public String getTypeName() {
        return Instant.class.getName();
    }

    @Override
    public Class<Instant> getCompactClass() {
        return Instant.class;
    }
}
