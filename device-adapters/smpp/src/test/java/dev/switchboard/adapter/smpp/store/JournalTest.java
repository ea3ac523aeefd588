package dev.switchboard.adapter.smpp.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter's state read back after a restart, compacted, and safe from a torn last line. */
class JournalTest {
    @TempDir
    Path dir;

    private record State(Journal journal, Outbox outbox, OptOuts optOuts, MorePages more, SeenMessages seen,
                         LongMessageParts parts) implements AutoCloseable {
        @Override
        public void close() {
            journal.close();
        }
    }

    private State open() {
        Outbox outbox = new Outbox();
        OptOuts optOuts = new OptOuts();
        MorePages more = new MorePages();
        SeenMessages seen = new SeenMessages(Duration.ofMinutes(10));
        LongMessageParts parts = new LongMessageParts(Duration.ofMinutes(10));
        Journal journal = Journal.open(dir.resolve("journal.jsonl"), List.of(outbox, optOuts, more, seen, parts));
        return new State(journal, outbox, optOuts, more, seen, parts);
    }

    private static OutgoingSms sms(String key, String to) {
        return new OutgoingSms(key, to, "text " + key, "c-1", "m-" + key, false);
    }

    @Test
    void everyPartIsReadBackAfterARestartAndFinishedTextsAreNotSentAgain() throws IOException {
        Instant now = Instant.now();
        try (State state = open()) {
            state.outbox().enqueue(sms("a", "+48600000001"), now);
            state.outbox().enqueue(sms("b", "+48600000002"), now);
            state.outbox().enqueue(sms("c", "+48600000001"), now);
            state.outbox().partAccepted("b", "smsc-1");
            state.outbox().accepted("b");
            assertThat(state.outbox().receipt("smsc-1", true, null)).isPresent();
            state.optOuts().optOut("+48600000009");
            state.more().keep("+48600000001", "the rest");
            state.seen().keyFor("fingerprint", now, () -> "key-1");
            state.parts().add("group", 2, 1, new byte[] {1, 2}, now);
        }
        Files.writeString(dir.resolve("journal.jsonl"), "{\"p\":\"outbox\",\"k\":\"add\",\"key\":\"torn", StandardOpenOption.APPEND);

        try (State state = open()) {
            assertThat(state.outbox().pending()).extracting(e -> e.sms().key()).containsExactly("a", "c");
            assertThat(state.outbox().enqueue(sms("b", "+48600000002"), now)).isEmpty();
            assertThat(state.outbox().enqueue(sms("a", "+48600000001"), now)).isEmpty();
            assertThat(state.outbox().enqueue(sms("d", "+48600000003"), now)).get()
                    .satisfies(entry -> assertThat(entry.seq()).isGreaterThan(2));
            assertThat(state.optOuts().contains("+48600000009")).isTrue();
            assertThat(state.more().rest("+48600000001")).contains("the rest");
            assertThat(state.seen().keyFor("fingerprint", now, () -> "key-2")).isEqualTo("key-1");
            assertThat(state.parts().add("group", 2, 2, new byte[] {3}, now)).get().isEqualTo(new byte[] {1, 2, 3});
        }
        assertThat(Files.readString(dir.resolve("journal.jsonl"), StandardCharsets.UTF_8)).doesNotContain("torn");
    }

    @Test
    void aGrownJournalIsCompactedWhileRunningAndKeepsWhatIsLive() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (State state = open()) {
            for (int i = 0; i < 200; i++) {
                state.outbox().enqueue(sms("k" + i, "+48600000001"), Instant.now());
                state.outbox().drop("k" + i);
            }
            state.outbox().enqueue(sms("live", "+48600000001"), Instant.now());
            long grown = Files.size(file);

            assertThat(state.journal().compactIfLargerThan(1_000)).isTrue();

            assertThat(Files.size(file)).isLessThan(grown / 2);
            state.optOuts().optOut("+48600000002");
        }
        try (State state = open()) {
            assertThat(state.outbox().pending()).extracting(e -> e.sms().key()).containsExactly("live");
            assertThat(state.outbox().enqueue(sms("k7", "+48600000001"), Instant.now())).isEmpty();
            assertThat(state.optOuts().contains("+48600000002")).isTrue();
        }
    }

    @Test
    void aReceiptBeforeThePartIsRecordedIsAppliedWhenItIs() {
        try (State state = open()) {
            state.outbox().enqueue(sms("a", "+48600000001"), Instant.now());
            assertThat(state.outbox().receipt("smsc-9", true, null)).isEmpty();
            assertThat(state.outbox().partAccepted("a", "smsc-9")).isEmpty();
            assertThat(state.outbox().accepted("a")).get().satisfies(fate -> assertThat(fate.delivered()).isTrue());
        }
    }

    @Test
    void aPartDeliveredAgainIsIgnoredAndAReusedReferenceStartsANewText() {
        try (State state = open()) {
            Instant now = Instant.now();
            assertThat(state.parts().add("g", 2, 1, new byte[] {1}, now)).isEmpty();
            assertThat(state.parts().add("g", 2, 1, new byte[] {1}, now)).isEmpty();
            assertThat(state.parts().add("g", 2, 2, new byte[] {2}, now)).get().isEqualTo(new byte[] {1, 2});
            assertThat(state.parts().add("g", 2, 2, new byte[] {2}, now)).isEmpty();
            assertThat(state.parts().add("g", 2, 1, new byte[] {7}, now)).isEmpty();
            assertThat(state.parts().add("g", 2, 2, new byte[] {8}, now)).get().isEqualTo(new byte[] {7, 8});
        }
    }
}
