package dev.switchboard.hub.binary;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The building blocks of every {@link BinaryCodec}: nullable values, strings of any length, instants, lists and
 * sets of names. Java's default form of a set of 1,000 agent names writes each name as an object of its own, with
 * a handle looked up in a table; here a name is a length and its bytes.
 */
public final class Binary {
    private static final int NULL = -1;

    private Binary() {
    }

    /** UTF-8 with its byte length first ({@code -1}: null); unlike {@code writeUTF}, of any length. */
    public static void writeString(DataOutput out, String value) throws IOException {
        if (value == null) {
            out.writeInt(NULL);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInput in) throws IOException {
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

    public static void writeInstant(DataOutput out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    public static Instant readInstant(DataInput in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    public static void writeDouble(DataOutput out, Double value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    public static Double readDouble(DataInput in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    public static void writeLong(DataOutput out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    public static Long readLong(DataInput in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    public static void writeInteger(DataOutput out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    public static Integer readInteger(DataInput in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    /** {@code null}, false or true in one byte. */
    public static void writeBoolean(DataOutput out, Boolean value) throws IOException {
        out.writeByte(value == null ? 0 : value ? 2 : 1);
    }

    public static Boolean readBoolean(DataInput in) throws IOException {
        byte stored = in.readByte();
        return stored == 0 ? null : stored == 2;
    }

    public static <E extends Enum<E>> void writeEnum(DataOutput out, E value) throws IOException {
        writeString(out, value == null ? null : value.name());
    }

    public static <E extends Enum<E>> E readEnum(DataInput in, Class<E> type) throws IOException {
        String name = readString(in);
        return name == null ? null : Enum.valueOf(type, name);
    }

    public static <E> void writeList(DataOutput out, List<E> values, BinaryCodec<E> codec) throws IOException {
        out.writeInt(values.size());
        for (E value : values) {
            codec.write(out, value);
        }
    }

    public static <E> List<E> readList(DataInput in, BinaryCodec<E> codec) throws IOException {
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

    public static void writeStrings(DataOutput out, List<String> values) throws IOException {
        writeList(out, values, STRING);
    }

    public static List<String> readStrings(DataInput in) throws IOException {
        return readList(in, STRING);
    }

    public static void writeNames(DataOutput out, Set<String> names) throws IOException {
        out.writeInt(names.size());
        for (String name : names) {
            writeString(out, name);
        }
    }

    /** The names as an immutable set, which the records keep as it is (they copy any other set). */
    public static Set<String> readNames(DataInput in) throws IOException {
        int size = in.readInt();
        if (size < 0) {
            throw new IOException("a set of negative size " + size);
        }
        String[] names = new String[size];
        for (int i = 0; i < size; i++) {
            names[i] = readString(in);
        }
        return Set.of(names);
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
