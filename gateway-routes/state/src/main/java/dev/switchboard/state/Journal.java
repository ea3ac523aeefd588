package dev.switchboard.state;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead journal of the durable maps: an append-only file of store writes. A write is
 * acknowledged once it is in the journal file (in the operating system's hands, so a process killed with
 * SIGKILL keeps it), and reaches the database later in large transactions. The journal is split into
 * segments; a checkpoint file names the position up to which the database has everything, and segments
 * before it are deleted. At start-up, what lies after the checkpoint is written to the database again
 * (every store write is an idempotent upsert), before anything else reads the database.
 *
 * <p>Each record is {@code [int length][int crc32][payload]}; a record cut short or with a wrong checksum
 * ends the journal (the tail of a write the machine lost power during).
 */
final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{16})\\.log");
    private static final String CHECKPOINT = "checkpoint";
    private static final long SEGMENT_BYTES = 64L * 1024 * 1024;

    /** One store write: which store, which key, and the store's own encoding of the change. */
    record Entry(String store, String key, byte[] body) {
    }

    /** A place in the journal: a segment and a byte offset in it. */
    record Position(long segment, long offset) {
    }

    /** Receives the entries of a replay, in journal order. */
    @FunctionalInterface
    interface Replay {
        void apply(Entry entry) throws Exception;
    }

    private final Path directory;
    private long segment;
    private FileChannel file;
    private long offset;

    private Journal(Path directory, long segment) throws IOException {
        this.directory = directory;
        startSegment(segment);
    }

    /**
     * Hands every entry after the checkpoint to {@code replay}, then, once {@code replayed} has made them
     * durable elsewhere, deletes the old segments and opens a fresh one for appending.
     */
    static Journal recover(Path directory, Replay replay, Runnable replayed) {
        try {
            Files.createDirectories(directory);
            List<Long> segments = segments(directory);
            Position checkpoint = readCheckpoint(directory);
            int count = 0;
            for (long number : segments) {
                if (number >= checkpoint.segment()) {
                    count += replaySegment(segmentPath(directory, number),
                            number == checkpoint.segment() ? checkpoint.offset() : 0, replay);
                }
            }
            replayed.run();
            if (count > 0) {
                LOG.info("Replayed {} journal record(s) into the database", count);
            }
            long next = segments.isEmpty() ? 1 : segments.get(segments.size() - 1) + 1;
            Journal journal = new Journal(directory, next);
            journal.checkpoint(new Position(next, 0));
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal in " + directory.toAbsolutePath(), e);
        }
    }

    /** Appends the entries with one write and returns the position after them. */
    Position append(List<Entry> entries) throws IOException {
        if (offset >= SEGMENT_BYTES) {
            file.close();
            startSegment(segment + 1);
        }
        ByteBuffer buffer = ByteBuffer.wrap(encode(entries));
        while (buffer.hasRemaining()) {
            offset += file.write(buffer);
        }
        return new Position(segment, offset);
    }

    /** Records that the database holds everything up to {@code applied}, and deletes the segments before it. */
    void checkpoint(Position applied) throws IOException {
        Path temporary = directory.resolve(CHECKPOINT + ".tmp");
        Files.writeString(temporary, applied.segment() + " " + applied.offset());
        Files.move(temporary, directory.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        for (long number : segments(directory)) {
            if (number < applied.segment()) {
                Files.deleteIfExists(segmentPath(directory, number));
            }
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private void startSegment(long number) throws IOException {
        segment = number;
        file = FileChannel.open(segmentPath(directory, number), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        offset = file.size();
    }

    private static byte[] encode(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 512);
        DataOutputStream out = new DataOutputStream(bytes);
        ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream(512);
        DataOutputStream payload = new DataOutputStream(payloadBytes);
        CRC32 crc = new CRC32();
        for (Entry entry : entries) {
            payloadBytes.reset();
            payload.writeUTF(entry.store());
            writeString(payload, entry.key());
            payload.writeInt(entry.body().length);
            payload.write(entry.body());
            byte[] record = payloadBytes.toByteArray();
            crc.reset();
            crc.update(record);
            out.writeInt(record.length);
            out.writeInt((int) crc.getValue());
            out.write(record);
        }
        return bytes.toByteArray();
    }

    private static int replaySegment(Path path, long from, Replay replay) throws IOException {
        int count = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path)))) {
            in.skipNBytes(Math.min(from, Files.size(path)));
            CRC32 crc = new CRC32();
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return count;
                }
                int checksum;
                byte[] record;
                try {
                    checksum = in.readInt();
                    if (length < 0 || length > SEGMENT_BYTES) {
                        throw new EOFException("record length " + length);
                    }
                    record = in.readNBytes(length);
                    if (record.length < length) {
                        throw new EOFException("record cut short");
                    }
                } catch (EOFException torn) {
                    LOG.warn("Journal segment {} ends with a torn record ({}); the journal ends there", path.getFileName(),
                            torn.getMessage());
                    return count;
                }
                crc.reset();
                crc.update(record);
                if ((int) crc.getValue() != checksum) {
                    LOG.warn("Journal segment {} has a record with a wrong checksum; the journal ends there",
                            path.getFileName());
                    return count;
                }
                DataInputStream fields = new DataInputStream(new ByteArrayInputStream(record));
                String store = fields.readUTF();
                String key = readString(fields);
                byte[] body = fields.readNBytes(fields.readInt());
                try {
                    replay.apply(new Entry(store, key, body));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot replay journal record " + store + "/" + key + " of "
                            + path.getFileName() + ": " + e.getMessage(), e);
                }
                count++;
            }
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    private static Position readCheckpoint(Path directory) throws IOException {
        Path path = directory.resolve(CHECKPOINT);
        if (!Files.exists(path)) {
            return new Position(0, 0);
        }
        String[] parts = Files.readString(path).trim().split(" ");
        return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private static List<Long> segments(Path directory) throws IOException {
        List<Long> numbers = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> {
                Matcher name = SEGMENT.matcher(file.getFileName().toString());
                if (name.matches()) {
                    numbers.add(Long.parseLong(name.group(1)));
                }
            });
        }
        numbers.sort(null);
        return numbers;
    }

    private static Path segmentPath(Path directory, long number) {
        return directory.resolve(String.format("journal-%016d.log", number));
    }
}
