package dev.switchboard.hub.binary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A hand-written binary form of one record type, used both by Hazelcast (between members, and for every
 * copy a map read or write makes) and by the journal. Java serialization did the same job at several times
 * the cost: it writes class descriptors and reflects over every field, and a conversation is copied whole
 * on every read.
 *
 * <p>The form is part of what the journal keeps across a restart: a change to it must still read what the
 * version before wrote, or start a new {@link #FORMAT}.
 */
public interface BinaryCodec<T> {
    /** The first byte of a journal body in this form; a Java-serialized body starts with 0xAC. */
    byte FORMAT = 1;

    void write(DataOutput out, T value) throws IOException;

    T read(DataInput in) throws IOException;

    /** {@code value} as a journal body: {@link #FORMAT}, then the value. */
    default byte[] toBytes(T value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
        }
        return bytes.toByteArray();
    }

    /** Reads a body {@link #toBytes} wrote. */
    default T fromBytes(byte[] body) {
        if (body.length == 0 || body[0] != FORMAT) {
            throw new IllegalArgumentException("not a body in binary form " + FORMAT);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body, 1, body.length - 1))) {
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("a stored record cannot be read: " + e.getMessage(), e);
        }
    }
}
