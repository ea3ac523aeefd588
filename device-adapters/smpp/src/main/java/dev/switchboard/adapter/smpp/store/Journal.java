package dev.switchboard.adapter.smpp.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's durable state as an append-only file of JSON lines, one record a change. Each
 * {@link JournalPart} (outbox, opt-outs, ...) keeps its state in memory, writes a record for every change
 * before the change counts, and is rebuilt from its records at start-up. At start-up the file is also
 * compacted: every part writes what it still holds as fresh records to a new file, which replaces the old
 * one atomically.
 *
 * <p>While the adapter runs, {@link #compactIfLargerThan} compacts the file again once it has grown: the
 * parts are locked in a fixed order and then the journal, the order every change takes (one part's lock,
 * then the journal's), so nothing changes while the snapshot is taken and no lock order is ever reversed.
 *
 * <p>Every record is handed to the operating system before {@link #append} returns, so a killed process
 * loses nothing it acknowledged (a power cut may lose the last records, as with the hub's embedded H2 file).
 * A torn last line, from a process killed while writing it, is ignored. Thread-safe.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final List<JournalPart> parts;
    private OutputStream out;
    private long bytes;
    private long bytesAfterCompaction;

    private Journal(Path file, List<? extends JournalPart> parts) {
        this.file = file;
        this.parts = List.copyOf(parts);
    }

    /**
     * Opens the journal file {@code file}, replays it into {@code parts} and compacts it.
     */
    public static Journal open(Path file, List<? extends JournalPart> parts) {
        Journal journal = new Journal(file, parts);
        Map<String, JournalPart> byName = parts.stream().collect(Collectors.toMap(JournalPart::name, Function.identity()));
        for (JournalPart part : parts) {
            part.attach(journal);
        }
        try {
            Files.createDirectories(file.getParent());
            int records = journal.replay(byName);
            synchronized (journal) {
                journal.compact();
            }
            LOG.info("SMPP adapter state: {} records replayed from {}", records, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the SMPP adapter's journal " + file + ": " + e.getMessage(), e);
        }
        return journal;
    }

    /** A new record of {@code part}'s, for {@link #append}. */
    public ObjectNode record(JournalPart part, String kind) {
        ObjectNode record = json.createObjectNode();
        record.put("p", part.name());
        record.put("k", kind);
        return record;
    }

    /** Writes one record; it is in the file (the operating system's cache) when this returns. */
    public void append(ObjectNode record) {
        byte[] line;
        try {
            line = lineOf(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a record of the SMPP adapter's journal: " + e.getMessage(), e);
        }
        write(line);
    }

    private byte[] lineOf(ObjectNode record) throws IOException {
        byte[] line = json.writeValueAsBytes(record);
        byte[] withNewline = java.util.Arrays.copyOf(line, line.length + 1);
        withNewline[line.length] = '\n';
        return withNewline;
    }

    /** Only the file write holds the journal's lock: records are encoded by their writers side by side. */
    private synchronized void write(byte[] line) {
        try {
            out.write(line);
            bytes += line.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the SMPP adapter's journal " + file + ": " + e.getMessage(), e);
        }
    }

    private int replay(Map<String, JournalPart> parts) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int count = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record;
                try {
                    record = json.readTree(line);
                } catch (IOException e) {
                    LOG.warn("Skipping an unreadable record of {} (a write cut short?): {}", file, e.getMessage());
                    continue;
                }
                JournalPart part = parts.get(record.path("p").asText());
                if (part == null) {
                    LOG.warn("Skipping a record of unknown part '{}' in {}", record.path("p").asText(), file);
                    continue;
                }
                part.replay(record.path("k").asText(), record);
                count++;
            }
        }
        return count;
    }

    /**
     * Compacts the file when it has grown past {@code maxBytes} and to more than twice its size after the last
     * compaction (so that a large live state is not rewritten again and again); returns whether it did.
     */
    public boolean compactIfLargerThan(long maxBytes) {
        synchronized (this) {
            if (bytes <= maxBytes || bytes <= 2 * bytesAfterCompaction) {
                return false;
            }
        }
        withPartsLocked(0);
        return true;
    }

    private void withPartsLocked(int index) {
        if (index < parts.size()) {
            synchronized (parts.get(index)) {
                withPartsLocked(index + 1);
            }
            return;
        }
        synchronized (this) {
            try {
                out.close();
                compact();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot compact the SMPP adapter's journal " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private void compact() throws IOException {
        Path fresh = file.resolveSibling(file.getFileName() + ".compacting");
        out = Files.newOutputStream(fresh, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        List<ObjectNode> snapshot = new ArrayList<>();
        for (JournalPart part : parts) {
            part.snapshot(snapshot::add);
        }
        for (ObjectNode record : snapshot) {
            write(lineOf(record));
        }
        out.close();
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out = Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        bytes = Files.size(file);
        bytesAfterCompaction = bytes;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("Closing the SMPP adapter's journal failed: {}", e.getMessage());
        }
    }
}
