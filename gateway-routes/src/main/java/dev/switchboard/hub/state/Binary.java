package dev.switchboard.hub.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The building blocks of the {@link BinaryCodec}s: nullable values, strings of any length, instants, lists. */
final class Binary {
    private static final int NULL = -1;

    private Binary() {
    }

    /** UTF-8 with its byte length first ({@code -1}: null); unlike {@code writeUTF}, of any length. */
    static void writeString(DataOutput out, String value) throws IOException {
        if (value == null) {
            out.writeInt(NULL);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length == NULL) {
            return null;
        }
        if (length < 0) {
            throw new IOException("a string of negative length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void writeInstant(DataOutput out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    static Instant readInstant(DataInput in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    static void writeDouble(DataOutput out, Double value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    static Double readDouble(DataInput in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    static void writeLong(DataOutput out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    static Long readLong(DataInput in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    static void writeInteger(DataOutput out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    static Integer readInteger(DataInput in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    /** {@code null}, false or true in one byte. */
    static void writeBoolean(DataOutput out, Boolean value) throws IOException {
        out.writeByte(value == null ? 0 : value ? 2 : 1);
    }

    static Boolean readBoolean(DataInput in) throws IOException {
        byte stored = in.readByte();
        return stored == 0 ? null : stored == 2;
    }

    static <E extends Enum<E>> void writeEnum(DataOutput out, E value) throws IOException {
        writeString(out, value == null ? null : value.name());
    }

    static <E extends Enum<E>> E readEnum(DataInput in, Class<E> type) throws IOException {
        String name = readString(in);
        return name == null ? null : Enum.valueOf(type, name);
    }

    static <E> void writeList(DataOutput out, List<E> values, BinaryCodec<E> codec) throws IOException {
        out.writeInt(values.size());
        for (E value : values) {
            codec.write(out, value);
        }
    }

    static <E> List<E> readList(DataInput in, BinaryCodec<E> codec) throws IOException {
        int size = in.readInt();
        if (size < 0) {
            throw new IOException("a list of negative size " + size);
        }
        List<E> values = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            values.add(codec.read(in));
        }
        return values;
    }

    static void writeStrings(DataOutput out, List<String> values) throws IOException {
        writeList(out, values, STRING);
    }

    static List<String> readStrings(DataInput in) throws IOException {
        return readList(in, STRING);
    }

    private static final BinaryCodec<String> STRING = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, String value) throws IOException {
            writeString(out, value);
        }

        @Override
        public String read(DataInput in) throws IOException {
            return readString(in);
        }
    };
}
