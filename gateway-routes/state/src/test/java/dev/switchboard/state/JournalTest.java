package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path directory;

    private final List<String> replayed = new ArrayList<>();

    private Journal recover() {
        return Journal.recover(directory, entry -> replayed.add(entry.store() + "/" + entry.key() + "="
                + new String(entry.body(), StandardCharsets.UTF_8)), () -> { });
    }

    private static Journal.Entry entry(String key, String body) {
        return new Journal.Entry("notes", key, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whatWasAppendedButNotCheckpointedIsReplayedAtTheNextStart() throws IOException {
        Journal journal = recover();
        journal.append(List.of(entry("a", "first"), entry("b", "second")));
        journal.append(List.of(entry("a", "third, with ünïcödé")));
        journal.close();

        recover().close();

        assertThat(replayed).containsExactly("notes/a=first", "notes/b=second", "notes/a=third, with ünïcödé");
    }

    @Test
    void aCheckpointSkipsWhatTheDatabaseHasAndDeletesOldSegments() throws IOException {
        Journal journal = recover();
        Journal.Position applied = journal.append(List.of(entry("a", "in the database")));
        journal.checkpoint(applied);
        journal.append(List.of(entry("b", "only in the journal")));
        journal.close();

        recover().close();
        assertThat(replayed).containsExactly("notes/b=only in the journal");

        replayed.clear();
        recover().close();
        assertThat(replayed).as("a recovery leaves nothing to replay twice").isEmpty();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".log"))).hasSize(1);
        }
    }

    @Test
    void aTornLastRecordEndsTheJournalWithoutLosingTheRecordsBeforeIt() throws IOException {
        Journal journal = recover();
        journal.append(List.of(entry("a", "whole")));
        journal.append(List.of(entry("b", "cut short by a power loss")));
        journal.close();
        Path segment;
        try (Stream<Path> files = Files.list(directory)) {
            segment = files.filter(f -> f.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - 5), StandardOpenOption.TRUNCATE_EXISTING);

        recover().close();

        assertThat(replayed).containsExactly("notes/a=whole");
    }
}
