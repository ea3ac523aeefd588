package dev.switchboard.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.bench.ClosedLoop.Outcome;
import dev.switchboard.bench.ClosedLoop.Scenario;
import dev.switchboard.bench.HttpDriver.BenchRequest;
import dev.switchboard.bench.HttpDriver.Reply;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.testing.TestGateways;
import dev.switchboard.testing.TestPostgres;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage benchmark of one gateway node on the tests' own PostgreSQL (the database a cluster shares):
 * <ul>
 *   <li>a follow-up's latency ({@code POST /api/conversations/{id}/messages}) in threads of 10, 1,000 and 10,000
 *       messages, with 1 client and with 64 (each client its own thread, filled through the store beforehand);</li>
 *   <li>a new customer's help request at 64 clients beside two baselines measured in the same run: the bare servlet,
 *       and the bare servlet plus one durable insert of a message row into the same database (the least any durable
 *       answer costs).</li>
 * </ul>
 * Run with {@code mvn -q -pl gateway-routes/app -am -DskipTests -Pbench-store verify}; the report is logged and
 * written to {@code target/bench/store.md}.
 */
public final class StoreLoadRun {
    private static final Logger LOG = LoggerFactory.getLogger("bench");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] THREAD_LENGTHS = {10, 1_000, 10_000};
    private static final int[] CLIENTS = {1, 64};
    private static final int FILL_BATCH = 500;
    private static final int IDLE_COMMITS_A_READING = 5;

    private StoreLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.store.warmup.seconds", 10));
        Duration measured = Duration.ofSeconds(Long.getLong("bench.store.seconds", 15));
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        boolean measureFollowUps = Boolean.parseBoolean(System.getProperty("bench.store.follow-ups", "true"));
        boolean jfr = Boolean.getBoolean("bench.store.jfr");
        if (jfr) {
            Profiler.prime();
        }
        Files.createDirectories(out);
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.createDatabase();
        String url = postgres.jdbcUrl(database);
        Path dataDir = Files.createTempDirectory("switchboard-bench-store-");
        List<String> report = new ArrayList<>();
        report.add("| measure | clients | thread length | median | p99 | req/s |");
        report.add("|---|---:|---:|---:|---:|---:|");
        try (Gateway gateway = TestGateways.start(dataDir, Map.of("switchboard.db.url", url,
                "switchboard.db.user", postgres.user(), "switchboard.db.password", postgres.password()));
             HttpDriver driver = HttpDriver.create("jetty", 64)) {
            String runId = Long.toHexString(System.nanoTime());
            for (int clients : measureFollowUps ? CLIENTS : new int[0]) {
                for (int length : THREAD_LENGTHS) {
                    Scenario followUps = filledFollowUps(driver, gateway, clients, length, runId + "-" + length + "-" + clients);
                    Outcome outcome = measure(driver, followUps, clients, warmup, measured);
                    report.add(row("follow-up", clients, length, outcome));
                }
            }
            DataSource insertDb = dataSource(url, postgres.user(), postgres.password());
            long commitsBefore = commits(insertDb);
            Profiler profiler = jfr ? Profiler.start(out.resolve("store-new-customer.jfr")) : null;
            Outcome hub = measure(driver, Scenarios.newVisitors(gateway.baseUri().resolve("/api/help"), runId),
                    64, warmup, measured);
            if (profiler != null) {
                report.addAll(JfrHotSpots.summarize(profiler.stop(), "New customer, the hub (warm-up included)"));
            }
            double commitsPerRequest = (double) (commits(insertDb) - commitsBefore)
                    / (hub.requests() + hub.warmupRequests());
            createFloorTable(insertDb);
            try (BareServer bare = BareServer.start(Map.of("/floor/insert", insertingServlet(insertDb),
                    "/floor/state", DurableStateFloor.servlet(gateway.customers(), gateway.conversations())))) {
                Outcome bareOnly = measure(driver, Scenarios.newVisitors(bare.baseUri().resolve("/api/help"), runId),
                        64, warmup, measured);
                Outcome bareInsert = measure(driver, Scenarios.newVisitors(bare.baseUri().resolve("/floor/insert"),
                        runId), 64, warmup, measured);
                Profiler floorProfiler = jfr ? Profiler.start(out.resolve("store-state-floor.jfr")) : null;
                Outcome stateFloor = measure(driver, Scenarios.newVisitors(bare.baseUri().resolve("/floor/state"),
                        runId), 64, warmup, measured);
                if (floorProfiler != null) {
                    report.addAll(JfrHotSpots.summarize(floorProfiler.stop(),
                            "The hub's state work for a new customer (warm-up included)"));
                }
                report.add(row("new customer, the hub", 64, 0, hub));
                report.add(row("bare servlet", 64, 0, bareOnly));
                report.add(row("bare servlet + one durable insert", 64, 0, bareInsert));
                report.add(row("bare servlet + the hub's state work for a new customer", 64, 0, stateFloor));
                report.add("");
                report.add(String.format(Locale.ROOT, "New customer: %.3f of the bare servlet, %.3f of the bare servlet"
                                + " with one durable insert, %.3f of the bare servlet with the hub's state work; %.1f"
                                + " database transactions a request (PostgreSQL's xact_commit, reads included).",
                        hub.requestsPerSecond() / bareOnly.requestsPerSecond(),
                        hub.requestsPerSecond() / bareInsert.requestsPerSecond(),
                        hub.requestsPerSecond() / stateFloor.requestsPerSecond(), commitsPerRequest));
            }
        } finally {
            postgres.dropDatabase(database);
        }
        String text = String.join("\n", report) + "\n";
        Files.writeString(out.resolve("store.md"), text);
        LOG.info("Storage benchmark ({} s warm-up, {} s measured each):\n{}", warmup.toSeconds(), measured.toSeconds(),
                text);
        System.exit(0);
    }

    /**
     * Opens one conversation per client over HTTP, fills each to {@code length} messages through the gateway's own
     * store (batches of {@link #FILL_BATCH}, as questions and answers), and returns the follow-ups to them.
     */
    private static Scenario filledFollowUps(HttpDriver driver, Gateway gateway, int clients, int length, String runId)
            throws Exception {
        URI base = gateway.baseUri();
        ConversationStore store = gateway.conversations();
        URI[] uris = new URI[clients];
        String[] tokens = new String[clients];
        long started = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            Reply opened = driver.sendAndWait(new BenchRequest(base.resolve("/api/help"),
                    Scenarios.helpBody("Hello, I have a question", "bench-" + runId + "-" + client), null));
            if (!opened.ok()) {
                throw new IllegalStateException("opening a conversation failed: " + opened.describe());
            }
            JsonNode body = JSON.readTree(opened.body());
            String id = body.path("conversationId").asText();
            tokens[client] = body.path("customerToken").asText();
            uris[client] = base.resolve("/api/conversations/" + id + "/messages");
            int have = 2;
            while (have < length) {
                List<StoredMessage> batch = new ArrayList<>(FILL_BATCH);
                for (int i = 0; i < FILL_BATCH && have < length; i++, have++) {
                    boolean question = have % 2 == 0;
                    batch.add(new StoredMessage("m-fill-" + runId + "-" + client + "-" + have, "web-chat",
                            question ? Direction.INBOUND : Direction.OUTBOUND, question ? "you" : "help desk",
                            "Message " + have + " of a long thread, about as long as a customer writes.",
                            Instant.now(), "fill-" + (have / 2)));
                }
                store.record(id, null, batch, null);
            }
        }
        LOG.info("{} thread(s) of {} messages filled in {} ms", clients, length, (System.nanoTime() - started) / 1_000_000);
        AtomicLong sequence = new AtomicLong();
        return client -> new BenchRequest(uris[client], ("{\"text\": \"And one more question, number "
                + sequence.getAndIncrement() + "\"}").getBytes(StandardCharsets.UTF_8), tokens[client]);
    }

    private static Outcome measure(HttpDriver driver, Scenario scenario, int clients, Duration warmup,
                                   Duration measured) throws InterruptedException {
        ClosedLoop loop = new ClosedLoop(driver, scenario, clients, 2_000_000);
        Outcome outcome = loop.run(new ClosedLoop.Warmup(warmup, 0, warmup.plusSeconds(30)), measured,
                Duration.ofSeconds(30), () -> { }, () -> { });
        if (outcome.errors() > 0) {
            LOG.warn("{} errors, the first: {}", outcome.errors(), outcome.firstError());
        }
        return outcome;
    }

    private static String row(String what, int clients, int length, Outcome outcome) {
        return String.format(Locale.ROOT, "| %s | %d | %s | %.2f ms | %.2f ms | %.0f |", what, clients,
                length == 0 ? "" : String.format(Locale.ROOT, "%,d", length), outcome.latency().p50Ms(),
                outcome.latency().p99Ms(), outcome.requestsPerSecond());
    }

    /**
     * The transactions the database committed so far: PostgreSQL's own count, which its statistics take in when a
     * session goes idle, so it is read until it settles for a second (at most a few commits a reading: the
     * gateway's own timers keep committing a few while it is idle).
     */
    private static long commits(DataSource dataSource) {
        AtomicLong last = new AtomicLong(-1_000);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .during(Duration.ofSeconds(1)).until(() -> {
                    long now = readCommits(dataSource);
                    return now - last.getAndSet(now) <= IDLE_COMMITS_A_READING;
                });
        return last.get();
    }

    private static long readCommits(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT xact_commit FROM pg_stat_database"
                     + " WHERE datname = current_database()")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static DataSource dataSource(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        return new HikariDataSource(config);
    }

    private static void createFloorTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE floor_messages (conversation_id VARCHAR(64) NOT NULL, seq INTEGER NOT NULL,"
                    + " id VARCHAR(64) NOT NULL, body VARCHAR(100000) NOT NULL, sent_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " PRIMARY KEY (conversation_id, seq))");
        }
    }

    /** The bare servlet that first inserts one message row, committed (autocommit), into the same database. */
    private static HttpServlet insertingServlet(DataSource dataSource) {
        AtomicLong sequence = new AtomicLong();
        return BareServer.fixedJsonAfter(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO floor_messages (conversation_id, seq, id, body, sent_at) VALUES (?, 0, ?, ?, ?)")) {
                long n = sequence.getAndIncrement();
                insert.setString(1, "cv-floor-" + n);
                insert.setString(2, "m-floor-" + n);
                insert.setString(3, "What are your opening hours?");
                insert.setObject(4, OffsetDateTime.now());
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
