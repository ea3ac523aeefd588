package dev.switchboard.desk;

import dev.switchboard.hub.binary.BinaryCodec;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;

/**
 * The Java-serialized form of the records {@link AgentCodecs} writes, for where one travels inside another
 * serialized object (a change sent to the member that owns the entry, its before and after coming back):
 * the record's binary form instead of Java's field by field default.
 */
final class CompactForm implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final List<BinaryCodec<?>> CODECS =
            List.of(AgentCodecs.ASSIGNMENT, AgentCodecs.AGENT_STATUS, AgentCodecs.DESK_EVENT);
    private static final List<Class<?>> TYPES = List.of(Assignment.class, AgentStatus.class, DeskEvent.class);

    private transient Object record;

    CompactForm(Object record) {
        this.record = record;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        int type = TYPES.indexOf(record.getClass());
        out.writeByte(type);
        write(out, CODECS.get(type));
    }

    @SuppressWarnings("unchecked")
    private <T> void write(ObjectOutputStream out, BinaryCodec<T> codec) throws IOException {
        codec.write(out, (T) record);
    }

    private void readObject(ObjectInputStream in) throws IOException {
        int type = in.readByte();
        if (type < 0 || type >= CODECS.size()) {
            throw new IOException("not a record type of the agent desk: " + type);
        }
        record = CODECS.get(type).read(in);
    }

    private Object readResolve() {
        return record;
    }
}
