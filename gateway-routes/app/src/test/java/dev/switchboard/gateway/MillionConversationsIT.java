package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.state.Database;
import dev.switchboard.testing.ConversationFixture;
import dev.switchboard.testing.GatewayProcess;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node with a 256 MB heap serves any of a million stored conversations: {@link ConversationFixture} writes them
 * straight into a database of the tests' PostgreSQL (customer, visitor link, header, question and answer each), the
 * shaded jar starts on it with {@code -Xmx256m}, a random sample is read over the customer API with each one's token,
 * and customers then write (new conversations, follow-ups to stored ones, reads) for a while: the process stays up,
 * every answer is right, and its heap after a full collection stays within the 256 MB. The figures (the fixture's
 * time, read latencies, the heap) are logged. {@code -Dmillion.conversations=N} makes fewer, for a quick look only.
 */
class MillionConversationsIT {
    private static final Logger LOG = LoggerFactory.getLogger(MillionConversationsIT.class);
    private static final long CONVERSATIONS = Long.getLong("million.conversations", 1_000_000);
    private static final long HEAP_LIMIT = 256L * 1024 * 1024;
    private static final int SAMPLE = 500;
    private static final int WRITERS = 4;
    /** How long the customers write, and at most how many requests each sends. */
    private static final Duration WRITING = Duration.ofSeconds(40);
    private static final int MOST_REQUESTS = 5_000;

    @Test
    void aNodeWith256MbServesAnyOfAMillionConversationsAndStaysWithinItsHeapWhileCustomersWrite(@TempDir Path dataDir)
            throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String url = postgres.jdbcUrl(postgres.createDatabase());
        Duration fixture;
        try (Database database = Database.open(url, dataDir, postgres.user(), postgres.password())) {
            fixture = ConversationFixture.fill(database.dataSource(), CONVERSATIONS);
        }

        Map<String, String> settings = Map.of(SwitchboardConfig.DB_URL, url, SwitchboardConfig.DB_USER, postgres.user(),
                SwitchboardConfig.DB_PASSWORD, postgres.password());
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (GatewayProcess node = GatewayProcess.startJar(dataDir, GatewayProcess.logFile("million-conversations"),
                settings, List.of("-Xmx256m", "-XX:+UseG1GC"), 0)) {
            HttpJson http = node.http();
            List<Long> readNanos = new ArrayList<>();
            for (int r = 0; r < SAMPLE; r++) {
                long i = random.nextLong(CONVERSATIONS);
                long asked = System.nanoTime();
                readAndCheck(http, i);
                readNanos.add(System.nanoTime() - asked);
            }
            long heapAfterReads = node.heapUsedAfterFullGc();

            Writers writers = new Writers(http, seed);
            writers.run();
            long heapAfterWrites = node.heapUsedAfterFullGc();

            assertThat(node.isAlive()).as("the node is up").isTrue();
            assertThat(node.output()).doesNotContain("OutOfMemoryError");
            assertThat(writers.failures).as("what went wrong for the writing customers").isEmpty();
            assertThat(heapAfterReads).as("heap after a full GC, after the sample read").isLessThan(HEAP_LIMIT);
            assertThat(heapAfterWrites).as("heap after a full GC, after the customers wrote").isLessThan(HEAP_LIMIT);
            writers.assertStoredOnce(url, postgres);

            readNanos.sort(Long::compare);
            LOG.info("{} conversations: fixture {} ms; {} read at random (seed {}) in median {} ms, p99 {} ms, max {} ms;"
                            + " heap after full GC {} MB after the reads, {} MB after {} requests of {} customers in {} s"
                            + " ({} new conversations, {} follow-ups, {} reads; median {} ms, p99 {} ms)",
                    CONVERSATIONS, fixture.toMillis(), SAMPLE, seed, millis(percentile(readNanos, 50)),
                    millis(percentile(readNanos, 99)), millis(readNanos.get(readNanos.size() - 1)),
                    heapAfterReads / (1024 * 1024), heapAfterWrites / (1024 * 1024), writers.requests(), WRITERS,
                    WRITING.toSeconds(), writers.opened.size(), writers.followUps.size(), writers.reads.get(),
                    millis(writers.percentile(50)), millis(writers.percentile(99)));
        }
    }

    /** Reads conversation {@code i} with its token: its question and answer, nothing else. */
    private static void readAndCheck(HttpJson http, long i) {
        HttpJson.Response thread = http.get("/api/conversations/" + ConversationFixture.conversationId(i),
                ConversationFixture.token(i));
        assertThat(thread.status()).as("conversation %d: %s", i, thread.body()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        thread.json().path("messages").forEach(message -> texts.add(message.path("text").asText()));
        assertThat(texts).as("conversation %d", i).startsWith(ConversationFixture.question(i), ConversationFixture.answer(i));
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /**
     * Customers writing for {@link #WRITING}: each request in turn opens a new conversation, follows up a stored one
     * (a random one of the million, with its token), or reads one; each write with a key of its own.
     */
    private static final class Writers {
        private final HttpJson http;
        private final long seed;
        final Map<String, String> opened = new ConcurrentHashMap<>();
        final Map<String, String> followUps = new ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());

        Writers(HttpJson http, long seed) {
            this.http = http;
            this.seed = seed;
        }

        void run() throws InterruptedException {
            ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
            long until = System.nanoTime() + WRITING.toNanos();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                threads.submit(() -> write(writer, until));
            }
            threads.shutdown();
            assertThat(threads.awaitTermination(WRITING.toSeconds() + 60, TimeUnit.SECONDS)).as("the writers ended").isTrue();
        }

        private void write(int writer, long until) {
            Random random = new Random(seed + writer);
            for (int n = 0; n < MOST_REQUESTS && System.nanoTime() < until && failures.isEmpty(); n++) {
                String key = "million-" + writer + "-" + n;
                long i = random.nextLong(CONVERSATIONS);
                long asked = System.nanoTime();
                try {
                    switch (n % 3) {
                        case 0 -> {
                            HttpJson.Response answer = http.postJson("/api/help", "{\"text\": \"New question " + key
                                    + ": when are you open?\", \"visitorId\": \"" + key + "\"}", null, key);
                            check(answer, 201, key);
                            opened.put(key, answer.json().path("conversationId").asText());
                        }
                        case 1 -> {
                            HttpJson.Response answer = http.postJson("/api/conversations/"
                                    + ConversationFixture.conversationId(i) + "/messages", "{\"text\": \"Follow-up " + key
                                    + ": and on Sunday?\"}", ConversationFixture.token(i), key);
                            check(answer, 201, key);
                            followUps.put(key, ConversationFixture.conversationId(i));
                        }
                        default -> {
                            readAndCheck(http, i);
                            reads.incrementAndGet();
                        }
                    }
                    nanos.add(System.nanoTime() - asked);
                } catch (RuntimeException | AssertionError e) {
                    failures.add(key + ": " + e);
                }
            }
        }

        private void check(HttpJson.Response answer, int status, String key) {
            if (answer.status() != status) {
                throw new AssertionError(key + ": " + answer.status() + " " + answer.body());
            }
        }

        int requests() {
            return nanos.size();
        }

        long percentile(int percent) {
            List<Long> sorted = new ArrayList<>(nanos);
            sorted.sort(Long::compare);
            return MillionConversationsIT.percentile(sorted, percent);
        }

        /** Each acknowledged write is one question and one answer in the conversation it was sent to. */
        void assertStoredOnce(String url, TestPostgres postgres) throws Exception {
            Map<String, String> expected = new HashMap<>(opened);
            expected.putAll(followUps);
            Map<String, List<String>> stored = new HashMap<>();
            try (Connection db = DriverManager.getConnection(url, postgres.user(), postgres.password());
                 PreparedStatement select = db.prepareStatement("SELECT idempotency_key, conversation_id, direction"
                         + " FROM messages WHERE idempotency_key LIKE 'million-%'");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                            .add(rows.getString(2) + " " + rows.getString(3));
                }
            }
            assertThat(stored.keySet()).as("keys of the messages stored").isEqualTo(expected.keySet());
            expected.forEach((key, conversation) -> assertThat(stored.get(key)).as(key)
                    .containsExactlyInAnyOrder(conversation + " INBOUND", conversation + " OUTBOUND"));
        }
    }
}
