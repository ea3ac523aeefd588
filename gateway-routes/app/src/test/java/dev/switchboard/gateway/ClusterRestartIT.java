package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.smsc.simulator.SmscSimulator;
import dev.switchboard.testing.GatewayCluster;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.NodeBalancer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three gateway nodes, each the shaded jar in a process of its own with its own data directory, one cluster on one
 * database of the tests' PostgreSQL, web customers on the JSON API and SMS customers through one SMSC simulator that
 * every node binds to. A full restart (SIGTERM to all, start all) loses no conversation and no message; a node killed
 * with SIGKILL while customers write, then started again, leaves every acknowledged message stored once; a rolling
 * restart under load shows no client an error. What is stored is counted in the database itself, over JDBC.
 */
class ClusterRestartIT {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRestartIT.class);
    private static final int NODES = 3;
    private static final int CONVERSATIONS = 30;
    private static final int QUESTIONS_EACH = 3;
    private static final int WEB_CUSTOMERS = 4;
    private static final int PHONES = 2;
    /** What each client writes at least in each phase of a run under load. */
    private static final int STEP = 4;
    /** At most this many messages a client, whatever happens. */
    private static final int MOST_MESSAGES = 2_000;
    /** A web customer's next message this long after the last was answered; a phone's, twice as long. */
    private static final Duration PACE = Duration.ofMillis(100);
    private static final Duration PROGRESS_WAIT = Duration.ofSeconds(90);
    private static final String DESK_NUMBER = "4357";
    private static final Pattern SMPP_BOUND = Pattern.compile("(?m)^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*SMPP bound as ");

    @TempDir
    static Path root;
    private static SmscSimulator smsc;
    private static GatewayCluster cluster;

    @BeforeAll
    static void startThreeNodes() throws Exception {
        smsc = SmscSimulator.start(0, "desk", "s3cret");
        cluster = GatewayCluster.onNewDatabase(NODES, root, "cluster-restart", Map.of(
                "switchboard.smpp.host", "127.0.0.1", "switchboard.smpp.port", String.valueOf(smsc.port()),
                "switchboard.smpp.system-id", "desk", "switchboard.smpp.password", "s3cret"));
        long started = System.nanoTime();
        cluster.startAll();
        LOG.info("Three nodes formed a cluster in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable a = smsc) {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /** Each test starts from three nodes in one cluster, whatever the one before left. */
    @BeforeEach
    void threeNodesServe() {
        cluster.startAll();
    }

    @Test
    void aFullRestartReadsEveryConversationWithEveryMessageOnEveryNode() throws Exception {
        List<KnownThread> threads = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            int first = c % NODES;
            HttpJson opened = cluster.http(first);
            HttpJson.Response answer = opened.postJson("/api/help", "{\"text\": " + HttpJson.quote(question("a", c, 0))
                    + ", \"visitorId\": \"full-restart-" + c + "\"}", null, "a-" + c + "-0");
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            KnownThread thread = new KnownThread(answer.json().path("conversationId").asText(),
                    answer.json().path("customerToken").asText());
            thread.add(question("a", c, 0), answer.json().path("reply").path("text").asText());
            for (int q = 1; q < QUESTIONS_EACH; q++) {
                HttpJson.Response followUp = cluster.http((first + q) % NODES).postJson(
                        "/api/conversations/" + thread.id + "/messages",
                        "{\"text\": " + HttpJson.quote(question("a", c, q)) + "}", thread.token, "a-" + c + "-" + q);
                assertThat(followUp.status()).as(followUp.body()).isEqualTo(201);
                thread.add(question("a", c, q), followUp.json().path("reply").path("text").asText());
            }
            threads.add(thread);
        }

        long stopping = System.nanoTime();
        cluster.terminateAll();
        long stopped = System.nanoTime();
        cluster.startAll();
        LOG.info("Full restart: SIGTERM to all three and out in {} ms, started again and one cluster in {} ms",
                TimeUnit.NANOSECONDS.toMillis(stopped - stopping), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped));

        for (KnownThread thread : threads) {
            for (int n = 0; n < NODES; n++) {
                assertThat(readByPages(cluster.http(n), thread)).as("conversation %s on node %d", thread.id, n)
                        .containsExactlyElementsOf(thread.texts);
            }
        }
        try (Connection db = cluster.database()) {
            for (KnownThread thread : threads) {
                assertThat(storedTexts(db, thread.id)).as("rows of conversation %s", thread.id)
                        .containsExactlyElementsOf(thread.texts);
            }
        }
    }

    @Test
    void aNodeKilledWhileCustomersWriteLosesNothingAcknowledgedAndDoublesNothing() throws Exception {
        int killed = smsReceiver();
        try (Load load = new Load("b", false)) {
            load.awaitEachAcknowledged(STEP);
            cluster.kill(killed);
            LOG.info("SIGKILL to node {} (the SMSC's receiver) after {} messages acknowledged", killed, load.acknowledged());
            load.awaitEachAcknowledged(load.least() + STEP);
            cluster.start(killed);
            cluster.awaitFormed();
            LOG.info("Node {} back in the cluster after {} messages acknowledged", killed, load.acknowledged());
            load.awaitServedBy(killed);
            load.finish();
            LOG.info("Killed node: {} messages acknowledged, {} retried after an error or a dropped connection: {}",
                    load.acknowledged(), load.incidents().size(), load.incidents());
            load.assertStoredOnceAndAnswered();
        }
    }

    @Test
    void aRollingRestartUnderLoadShowsNoClientAnError() throws Exception {
        try (Load load = new Load("c", true)) {
            load.awaitEachAcknowledged(STEP);
            for (int n = 0; n < NODES; n++) {
                Duration stop = cluster.terminate(n);
                load.awaitEachAcknowledged(load.least() + STEP);
                long starting = System.nanoTime();
                cluster.start(n);
                cluster.awaitFormed();
                LOG.info("Rolling restart: node {} out {} ms after SIGTERM, back in the cluster in {} ms", n,
                        stop.toMillis(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - starting));
                load.awaitServedBy(n);
            }
            load.finish();
            LOG.info("Rolling restart: {} messages acknowledged; SMSC deliveries tried again: {}", load.acknowledged(),
                    load.smsIncidents());
            assertThat(load.webIncidents()).as("errors and dropped connections the web customers saw").isEmpty();
            load.assertStoredOnceAndAnswered();
        }
    }

    /**
     * The node the SMSC simulator delivers texts to: the first of its binds still up, so the running node whose latest
     * bind is the oldest.
     */
    private static int smsReceiver() throws IOException {
        int receiver = -1;
        LocalTime oldest = null;
        for (int n = 0; n < NODES; n++) {
            Matcher bound = SMPP_BOUND.matcher(cluster.output(n));
            LocalTime latest = null;
            while (bound.find()) {
                latest = LocalTime.parse(bound.group(1));
            }
            if (latest != null && (oldest == null || latest.isBefore(oldest))) {
                oldest = latest;
                receiver = n;
            }
        }
        assertThat(receiver).as("a node logged its SMPP bind").isNotNegative();
        return receiver;
    }

    private static String question(String phase, int client, int message) {
        return "Question " + phase + "-" + client + "-" + message + ": what are your opening hours?";
    }

    /** The thread's texts, oldest first, read newest page first by the older cursor until there is none. */
    private static List<String> readByPages(HttpJson http, KnownThread thread) {
        List<String> texts = new ArrayList<>();
        String before = null;
        for (int page = 0; page < 10; page++) {
            HttpJson.Response answer = http.get("/api/conversations/" + thread.id + "?limit=2"
                    + (before == null ? "" : "&before=" + before), thread.token);
            assertThat(answer.status()).as("conversation %s: %s", thread.id, answer.body()).isEqualTo(200);
            List<String> older = new ArrayList<>();
            answer.json().path("messages").forEach(message -> older.add(message.path("text").asText()));
            texts.addAll(0, older);
            JsonNode cursor = answer.json().path("olderCursor");
            if (cursor.isMissingNode() || cursor.isNull()) {
                return texts;
            }
            before = cursor.asText();
        }
        throw new AssertionError("conversation " + thread.id + " has more pages than it has messages");
    }

    /** The bodies of a conversation's rows, in the order of their numbers. */
    private static List<String> storedTexts(Connection db, String conversationId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT body FROM messages WHERE conversation_id = ? ORDER BY seq")) {
            select.setString(1, conversationId);
            List<String> bodies = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
            return bodies;
        }
    }

    /** A conversation as its customer knows it: its texts and the answers he got, in order. */
    private static final class KnownThread {
        final String id;
        final String token;
        final List<String> texts = new ArrayList<>();

        KnownThread(String id, String token) {
            this.id = id;
            this.token = token;
        }

        void add(String question, String answer) {
            texts.add(question);
            texts.add(answer);
        }
    }

    /** A message a customer was told was taken: by its key (web) or its text (SMS, whose key the gateway makes). */
    private record Acknowledged(String key, String text, String conversationId) {
    }

    /**
     * Web customers writing through a {@link NodeBalancer} over the three nodes, and phones texting through the SMSC,
     * each on a thread of its own until {@link #finish()}, a message every {@code PACE} (a phone every two); each
     * message has a key of its own, and a request that failed is sent again with the same key.
     */
    private static final class Load implements AutoCloseable {
        private final List<WebCustomer> web = new ArrayList<>();
        private final List<Phone> phones = new ArrayList<>();
        private final AtomicBoolean writing = new AtomicBoolean(true);
        private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(WEB_CUSTOMERS + PHONES);
        private final boolean strict;

        /**
         * @param phase  the start of every key and text of this load
         * @param strict whether any error or dropped connection a web customer sees is a failure (else it is retried)
         */
        Load(String phase, boolean strict) {
            this.strict = strict;
            NodeBalancer balancer = new NodeBalancer(cluster.baseUris(), Duration.ofSeconds(60));
            for (int c = 0; c < WEB_CUSTOMERS; c++) {
                web.add(new WebCustomer(phase + "-web-" + c, balancer, writing));
            }
            for (int p = 0; p < PHONES; p++) {
                phones.add(new Phone(phase, "+4860510" + (phase.equals("b") ? "1" : "2") + "00" + p, writing));
            }
            web.forEach(customer -> threads.scheduleWithFixedDelay(customer::writeNext, 0, PACE.toMillis(),
                    TimeUnit.MILLISECONDS));
            phones.forEach(phone -> threads.scheduleWithFixedDelay(phone::textNext, 0, 2 * PACE.toMillis(),
                    TimeUnit.MILLISECONDS));
        }

        /** Waits until every customer has at least {@code count} messages acknowledged. */
        void awaitEachAcknowledged(int count) {
            await().atMost(PROGRESS_WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                assertThat(failures()).as("what went wrong for the customers").isEmpty();
                for (WebCustomer customer : web) {
                    assertThat(customer.acknowledged).as(customer.name).hasSizeGreaterThanOrEqualTo(count);
                }
                for (Phone phone : phones) {
                    assertThat(phone.acknowledged).as(phone.number).hasSizeGreaterThanOrEqualTo(count);
                }
            });
        }

        /**
         * Waits until every customer has {@code STEP} more messages acknowledged and node {@code n} answered web
         * customers again.
         */
        void awaitServedBy(int n) {
            int answered = answeredBy(n);
            awaitEachAcknowledged(least() + STEP);
            await().atMost(PROGRESS_WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(answeredBy(n))
                    .as("web messages node %d acknowledged", n).isGreaterThan(answered));
        }

        private int answeredBy(int n) {
            return web.stream().mapToInt(w -> w.answeredBy.get(n)).sum();
        }

        /** The fewest messages any customer has acknowledged. */
        int least() {
            return java.util.stream.Stream.concat(web.stream().map(w -> w.acknowledged.size()),
                    phones.stream().map(p -> p.acknowledged.size())).min(Integer::compare).orElse(0);
        }

        int acknowledged() {
            return web.stream().mapToInt(w -> w.acknowledged.size()).sum()
                    + phones.stream().mapToInt(p -> p.acknowledged.size()).sum();
        }

        List<String> incidents() {
            List<String> all = new ArrayList<>(webIncidents());
            all.addAll(smsIncidents());
            return all;
        }

        List<String> webIncidents() {
            return web.stream().flatMap(w -> w.incidents.stream()).toList();
        }

        List<String> smsIncidents() {
            return phones.stream().flatMap(p -> p.incidents.stream()).toList();
        }

        List<String> failures() {
            List<String> failures = new ArrayList<>();
            web.forEach(w -> failures.addAll(w.failures));
            phones.forEach(p -> failures.addAll(p.failures));
            if (strict) {
                failures.addAll(webIncidents());
            }
            return failures;
        }

        /** Tells every customer to stop after the message in hand, and waits for them. */
        void finish() throws InterruptedException {
            writing.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(90, TimeUnit.SECONDS)).as("the customers finished").isTrue();
            assertThat(failures()).as("what went wrong for the customers").isEmpty();
        }

        /**
         * Every acknowledged message is one row in its conversation with one answer, and no interaction is stored
         * twice; each phone got an answer for every text it was told was taken.
         */
        void assertStoredOnceAndAnswered() throws SQLException {
            try (Connection db = cluster.database()) {
                for (WebCustomer customer : web) {
                    for (Acknowledged message : customer.acknowledged) {
                        assertThat(rows(db, "SELECT conversation_id, direction, CASE direction WHEN 'INBOUND' THEN body"
                                + " ELSE '(answer)' END FROM messages WHERE idempotency_key = ?", message.key()))
                                .as("rows of web message %s", message.key())
                                .containsExactlyInAnyOrder(List.of(message.conversationId(), "INBOUND", message.text()),
                                        List.of(message.conversationId(), "OUTBOUND", "(answer)"));
                    }
                }
                for (Phone phone : phones) {
                    for (Acknowledged text : phone.acknowledged) {
                        List<List<String>> inbound = rows(db, "SELECT idempotency_key, direction FROM messages"
                                + " WHERE body = ? AND direction = 'INBOUND'", text.text());
                        assertThat(inbound).as("rows of the text '%s'", text.text()).hasSize(1);
                        assertThat(rows(db, "SELECT direction FROM messages WHERE idempotency_key = ?",
                                inbound.get(0).get(0))).as("rows of the text '%s' and its answer", text.text())
                                .containsExactlyInAnyOrder(List.of("INBOUND"), List.of("OUTBOUND"));
                    }
                }
                assertThat(rows(db, "SELECT conversation_id, idempotency_key, direction, COUNT(*) FROM messages"
                        + " GROUP BY conversation_id, idempotency_key, direction HAVING COUNT(*) > 1"))
                        .as("interactions stored twice").isEmpty();
                assertThat(rows(db, "SELECT body, COUNT(*) FROM messages WHERE direction = 'INBOUND'"
                        + " GROUP BY body HAVING COUNT(*) > 1")).as("customers' texts stored twice").isEmpty();
            }
            for (Phone phone : phones) {
                await().atMost(PROGRESS_WAIT).untilAsserted(() -> assertThat(smsc.received(phone.number))
                        .as("answers to %s", phone.number).hasSizeGreaterThanOrEqualTo(phone.acknowledged.size()));
            }
        }

        /** Each row's columns as text. */
        private static List<List<String>> rows(Connection db, String sql, String... parameters) throws SQLException {
            try (PreparedStatement select = db.prepareStatement(sql)) {
                for (int p = 0; p < parameters.length; p++) {
                    select.setString(p + 1, parameters[p]);
                }
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        List<String> row = new ArrayList<>();
                        for (int c = 1; c <= columns; c++) {
                            row.add(result.getString(c));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        }

        @Override
        public void close() throws InterruptedException {
            writing.set(false);
            threads.shutdownNow();
            threads.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /**
     * A web visitor who opens a conversation and adds to it, each message with a key of its own. A request that gets a
     * server error or whose connection drops is sent again with the same key (to the next node); a first message whose
     * answer was lost cannot be continued (its token went with the answer: the API says to start again under a new
     * visitor id), so the visitor starts again.
     */
    private static final class WebCustomer {
        final String name;
        final NodeBalancer nodes;
        final AtomicBoolean writing;
        final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
        final List<String> incidents = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicIntegerArray answeredBy = new AtomicIntegerArray(NODES);
        private int visitor;
        private int next;
        private String conversationId;
        private String token;

        WebCustomer(String name, NodeBalancer nodes, AtomicBoolean writing) {
            this.name = name;
            this.nodes = nodes;
            this.writing = writing;
        }

        /** Writes the next message, until told to stop or something went wrong. */
        void writeNext() {
            if (!writing.get() || !failures.isEmpty() || next == MOST_MESSAGES) {
                return;
            }
            int m = next++;
            try {
                write(name + "-" + m, "Question " + name + "-" + m + ": what are your opening hours?");
            } catch (RuntimeException e) {
                failures.add(name + ": " + e);
            }
        }

        private void write(String key, String text) {
            for (int attempt = 1; attempt <= 10; attempt++) {
                boolean opening = conversationId == null;
                NodeBalancer.Answer answer = opening
                        ? nodes.post("/api/help", "{\"text\": " + HttpJson.quote(text) + ", \"visitorId\": \""
                                + name + "-v" + visitor + "\"}", null, key)
                        : nodes.post("/api/conversations/" + conversationId + "/messages",
                                "{\"text\": " + HttpJson.quote(text) + "}", token, key);
                if (answer.status() == 201 || answer.status() == 200) {
                    JsonNode body = new HttpJson.Response(answer.status(), "application/json", answer.body()).json();
                    if (opening) {
                        if (body.path("customerToken").isTextual()) {
                            conversationId = body.path("conversationId").asText();
                            token = body.path("customerToken").asText();
                        } else {
                            startAgain(key, answer);
                            return;
                        }
                    }
                    acknowledged.add(new Acknowledged(key, text, body.path("conversationId").asText()));
                    answeredBy.incrementAndGet(answer.node());
                    return;
                }
                if (answer.dropped() || answer.serverError()) {
                    incidents.add(name + " " + key + " on node " + answer.node() + ": "
                            + (answer.dropped() ? answer.body() : answer.status() + " " + answer.body()));
                    continue;
                }
                if (opening && answer.status() == 403) {
                    startAgain(key, answer);
                    return;
                }
                failures.add(name + " " + key + " on node " + answer.node() + ": " + answer.status() + " " + answer.body());
                return;
            }
            failures.add(name + " " + key + ": ten tries failed");
        }

        /** The first message was taken but its answer (and token) lost: a new visitor id, a new conversation. */
        private void startAgain(String key, NodeBalancer.Answer answer) {
            incidents.add(name + " " + key + ": its first message was taken, its token lost (" + answer.status()
                    + "); starting again as a new visitor");
            visitor++;
        }
    }

    /**
     * A phone texting the desk through the SMSC, one text after another. A text the gateway did not take (its bind went
     * away before it answered) is delivered again, as an SMSC does, once a bind is up; a text is acknowledged once the
     * gateway answered its deliver_sm.
     */
    private static final class Phone {
        final String phase;
        final String number;
        final AtomicBoolean writing;
        final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
        final List<String> incidents = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private int next;

        Phone(String phase, String number, AtomicBoolean writing) {
            this.phase = phase;
            this.number = number;
            this.writing = writing;
        }

        /** Texts the next message, until told to stop or something went wrong. */
        void textNext() {
            if (!writing.get() || !failures.isEmpty() || next == MOST_MESSAGES) {
                return;
            }
            int m = next++;
            try {
                text("Text " + phase + " from " + number + " number " + m + ": what are your opening hours?");
            } catch (RuntimeException e) {
                failures.add(number + ": " + e);
            }
        }

        private void text(String text) {
            for (int attempt = 1; attempt <= 10; attempt++) {
                try {
                    smsc.text(number, DESK_NUMBER, text);
                    acknowledged.add(new Acknowledged(null, text, null));
                    return;
                } catch (IllegalStateException notTaken) {
                    incidents.add(number + " '" + text + "': " + notTaken.getMessage());
                    await().atMost(PROGRESS_WAIT).until(smsc::hasReceiver);
                }
            }
            failures.add(number + " '" + text + "': ten deliveries failed");
        }
    }
}
