package dev.switchboard.bench;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import com.hazelcast.topic.ITopic;
import com.sun.management.HotSpotDiagnosticMXBean;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.desk.DeskEvent;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.testing.IdleConnections;
import dev.switchboard.testing.TestGateways;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent-desk benchmark: one gateway node with 1,000 agents on duty and 10,000 open conversations.
 * <ol>
 *   <li>The first manager creates the agents over the agent API; each signs in and turns available (his desktop
 *       then calls the API every {@code away-grace / 3}, as a desktop that is there does).</li>
 *   <li>Fill: web customers ({@code bench.desk.customers} in a closed loop, each a new visitor) open conversations
 *       through the customer API; every one is queued and offered by the hub, and for every offer
 *       {@code bench.desk.racers} of the agents it was offered to accept it at once; one wins. Until 10,000
 *       conversations are open, each owned by an agent.</li>
 *   <li>Heap: live heap before the fill and after each quarter of it, less the message texts in the threads, per
 *       open conversation; with the classes that grew. Each reading is the median of {@link HeapMeter#READINGS}
 *       readings after forced full collections, taken once the clients have closed their idle connections (the
 *       gateway keeps buffers for each: the load's, not the conversations'; measured apart, one idle connection per
 *       agent) and the database writer is idle; what the benchmark itself keeps for the fill is made before the
 *       first reading, and the class histograms go to files. {@code -Dbench.desk.heapdump=DIR} also writes a heap
 *       dump at each reading.</li>
 *   <li>Measured: the same with the 10,000 open: claims per second and offer-to-claim latency (from the hub making
 *       the offer to the winning agent's answer), {@code bench.desk.seconds} or {@code bench.desk.claims}.</li>
 *   <li>Baseline, same run, same member: {@link BareClaims}, a bare entry-processor claim on a map like the
 *       assignments.</li>
 * </ol>
 * Report: {@code target/bench/desk-load.md}.
 * <pre>
 * mvn -q -pl gateway-routes/app -am -DskipTests -Pbench-desk verify
 * </pre>
 */
public final class DeskLoadRun {
    private static final Logger LOG = LoggerFactory.getLogger("bench");
    private static final String MANAGER = "boss";
    private static final String MANAGER_PASSWORD = "bench manager password";
    static final String COMMAND = "mvn -q -pl gateway-routes/app -am -DskipTests -Pbench-desk verify";
    static final double TARGET_P99_MS = 20;
    static final double TARGET_BYTES_PER_CONVERSATION = 4096;
    private static final int AWAY_GRACE_SECONDS = 60;
    /** The gateway's HTTP pool at rest: its 8 threads (the acceptor and selectors among them) and a few reserved. */
    private static final int HTTP_THREADS_AT_REST = 12;

    private DeskLoadRun() {
    }

    record Settings(int agents, int conversations, int capacity, int racers, int customers, int seconds, int claims,
                    int fillMaxSeconds, double pacedRate, boolean jfr) {
        static Settings fromSystem() {
            return new Settings(Integer.getInteger("bench.desk.agents", 1000),
                    Integer.getInteger("bench.desk.conversations", 10_000),
                    Integer.getInteger("bench.desk.capacity", 15), Integer.getInteger("bench.desk.racers", 3),
                    Integer.getInteger("bench.desk.customers", 8), Integer.getInteger("bench.desk.seconds", 20),
                    Integer.getInteger("bench.desk.claims", 2000), Integer.getInteger("bench.desk.fill.max.seconds", 900),
                    Double.parseDouble(System.getProperty("bench.desk.paced.rate", "0")),
                    Boolean.getBoolean("bench.desk.jfr"));
        }
    }

    /** One phase of conversations opened and claimed. */
    record Phase(String name, int opened, int openErrors, double seconds, ClaimRace.Tally tally,
                 Latencies.Summary openLatency, MachineCpu.Use cpu) {
        double claimsPerSecond() {
            return tally.won.get() / seconds;
        }

        Latencies.Summary offerToClaim() {
            return tally.offerToClaim.summarize(tally.won.get());
        }

        Latencies.Summary offerHeard() {
            return tally.offerHeard.summarize(tally.won.get());
        }

        Latencies.Summary claimAnswered() {
            return tally.claimAnswered.summarize(tally.won.get());
        }
    }

    /**
     * Live heap and message text at one number of open conversations; the gateway's open HTTP connections and HTTP
     * threads then, and each Hazelcast map's entries and their cost (Hazelcast's own count).
     */
    /** The fill's parts, each followed by a heap reading. */
    private static final int FILL_PARTS = 4;

    record HeapPoint(HeapMeter.Reading heap, long textBytes, int conversations, int messages, int connections,
                     int httpThreads, Map<String, long[]> maps) {
    }

    /** What a phase counts into, made before it starts. */
    record Counters(ClaimRace.Tally tally, Latencies openLatency) {
        static Counters of(int count) {
            return new Counters(new ClaimRace.Tally(count + 1000), new Latencies(count));
        }
    }

    /** The heap readings of the fill: before it and after each of its parts. */
    record HeapFigures(List<HeapPoint> points) {
        HeapPoint empty() {
            return points.get(0);
        }

        HeapPoint first() {
            return points.get(1);
        }

        HeapPoint full() {
            return points.get(points.size() - 1);
        }

        /** All growth from no conversation to all of them, less their text, per conversation. */
        double bytesPerConversation() {
            double heap = heapLessText(full()) - heapLessText(empty());
            return heap / (full().conversations() - empty().conversations());
        }

        /**
         * What one more conversation costs: the least-squares slope of the heap (less text) over the open
         * conversations, from the first part of the fill on. Buffers and caches sized by the load, not by the
         * conversations (serialization buffers per thread, the database's write buffer and page cache, a record
         * store per partition and map), grow mostly in the first part; and a single pair of readings moved by a
         * megabyte or two between runs.
         */
        double slopeBytesPerConversation() {
            List<HeapPoint> fitted = points.subList(1, points.size());
            double meanX = fitted.stream().mapToDouble(HeapPoint::conversations).average().orElseThrow();
            double meanY = fitted.stream().mapToDouble(HeapFigures::heapLessText).average().orElseThrow();
            double covariance = 0;
            double variance = 0;
            for (HeapPoint point : fitted) {
                covariance += (point.conversations() - meanX) * (heapLessText(point) - meanY);
                variance += (point.conversations() - meanX) * (point.conversations() - meanX);
            }
            return covariance / variance;
        }

        private static double heapLessText(HeapPoint point) {
            return point.heap().usedBytes() - point.textBytes();
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystem();
        // At most 64 idle connections kept by the agents' and customers' clients (the JDK's default keeps every one
        // ever opened): each is a connection the gateway holds buffers for, which is not a conversation's heap.
        System.setProperty("jdk.httpclient.connectionPoolSize", "64");
        // Idle connections closed after 3 s, so that before a heap reading the clients' connections (and the
        // gateway's buffers for them) can be let go: they come from the load, not the conversations.
        System.setProperty("jdk.httpclient.keepalive.timeout", "3");
        Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
        Files.createDirectories(out);
        if (settings.jfr()) {
            Profiler.prime();
        }
        Path dataDir = Files.createTempDirectory("desk-bench");
        List<String> lines;
        try (Gateway gateway = TestGateways.start(dataDir, Map.of(
                "switchboard.accounts.password-hash-cost", "4",
                "switchboard.accounts.first-manager", MANAGER,
                "switchboard.accounts.first-manager-password", MANAGER_PASSWORD,
                "switchboard.agents.away-grace-seconds", String.valueOf(AWAY_GRACE_SECONDS),
                // A burst's HTTP threads end after 3 s idle (60 s by default): each heap reading sees the node's
                // threads at rest, not as many as the load's concurrency happened to need last.
                "switchboard.http.idle-thread-seconds", "3"));
             DeskAgents agents = new DeskAgents(gateway.baseUri())) {
            HazelcastInstance member = Hazelcast.getAllHazelcastInstances().iterator().next();
            long setupStarted = System.nanoTime();
            List<String> names = agents.createAvailable(agents.signIn(MANAGER, MANAGER_PASSWORD), settings.agents(),
                    settings.capacity(), 8);
            double setupSeconds = (System.nanoTime() - setupStarted) / 1e9;
            LOG.info("{} agents created, signed in and available in {} s", names.size(), round(setupSeconds));
            ScheduledExecutorService heartbeat = heartbeat(agents, names);
            ClaimRace race = new ClaimRace(agents, settings.racers());
            ITopic<DeskEvent> events = member.getTopic("desk-events");
            events.addMessageListener(message -> race.heard(message.getMessageObject()));
            CustomerLoad customers = new CustomerLoad(gateway.baseUri(), settings.customers());

            // The fill's counters exist before the first reading: the measurement's own arrays are in every reading.
            List<Counters> parts = new ArrayList<>();
            for (int part = 0; part < FILL_PARTS; part++) {
                parts.add(Counters.of(partSize(settings.conversations(), part)));
            }
            int port = gateway.baseUri().getPort();
            List<HeapPoint> points = new ArrayList<>(List.of(heapPoint(member, 0, port, out)));
            List<Phase> fillPhases = new ArrayList<>();
            int open = 0;
            for (int part = 0; part < FILL_PARTS; part++) {
                int size = partSize(settings.conversations(), part);
                Phase fill = customers.run("fill to " + (open + size), race, parts.get(part), size,
                        settings.fillMaxSeconds());
                waitUntil(() -> race.inFlight() == 0, Duration.ofSeconds(60));
                open += fill.tally().won.get();
                fillPhases.add(fill);
                points.add(heapPoint(member, open, port, out));
            }
            HeapFigures heap = new HeapFigures(points);
            ConnectionHeap connections = connectionHeap(port, settings.agents(), heap.full(), out);
            LOG.info("heap per idle keep-alive connection: {} B", round(connections.bytesPerConnection()));
            LOG.info("fill: {}; heap per open conversation besides message text {} B ({} B a conversation more)",
                    describe(fillPhases.get(FILL_PARTS - 1)), round(heap.bytesPerConversation()),
                    round(heap.slopeBytesPerConversation()));

            Phase measured = customers.run("measured", race, Counters.of(settings.claims()), settings.claims(),
                    settings.seconds());
            waitUntil(() -> race.inFlight() == 0, Duration.ofSeconds(60));
            LOG.info("measured: {}", describe(measured));
            double rate = settings.pacedRate() > 0 ? settings.pacedRate() : Math.max(1, measured.claimsPerSecond() / 2);
            Profiler profiler = settings.jfr() ? Profiler.start(out.resolve("desk-load.jfr")) : null;
            Phase paced = customers.runPaced(String.format(Locale.ROOT, "paced, %.0f customers/s", rate), race, rate,
                    settings.seconds());
            Path recording = profiler == null ? null : profiler.stop();
            waitUntil(() -> race.inFlight() == 0, Duration.ofSeconds(60));
            LOG.info("paced: {}", describe(paced));
            heartbeat.shutdownNow();

            BareClaims.Outcome bare = BareClaims.run(member, settings.customers(), settings.racers(), 200_000,
                    settings.seconds());
            LOG.info("bare entry-processor claims: {} /s, p99 {} ms", round(bare.perSecond()), bare.latency().p99Ms());
            List<Phase> phases = new ArrayList<>(fillPhases);
            phases.addAll(List.of(measured, paced));
            lines = report(settings, setupSeconds, phases, heap, connections, measured, paced, bare);
            if (recording != null) {
                lines.addAll(JfrHotSpots.summarize(recording, "desk-load paced phase"));
            }
        }
        Files.write(out.resolve("desk-load.md"), lines);
        LOG.info("\n{}", String.join("\n", lines));
    }

    /** The heap before and with {@code connections} idle keep-alive connections open. */
    record ConnectionHeap(HeapMeter.Reading before, HeapMeter.Reading held, int connections) {
        double bytesPerConnection() {
            return (held.usedBytes() - before.usedBytes()) / (double) connections;
        }
    }

    /** One idle keep-alive connection per agent opened on top of {@code before}, the node at rest, and the heap read. */
    private static ConnectionHeap connectionHeap(int port, int count, HeapPoint before, Path out)
            throws java.io.IOException {
        try (IdleConnections idle = IdleConnections.open(port, count)) {
            HeapMeter.Reading held = HeapMeter.read(out.resolve("desk-heap-connections.histogram"));
            return new ConnectionHeap(before.heap(), held, idle.count());
        }
    }

    /** The conversations the fill's part {@code part} opens: equal parts, the last taking what is left. */
    private static int partSize(int conversations, int part) {
        int size = conversations / FILL_PARTS;
        return part < FILL_PARTS - 1 ? size : conversations - size * (FILL_PARTS - 1);
    }

    /** Each agent's desktop calls the API every third of the grace period, spread evenly over it. */
    private static ScheduledExecutorService heartbeat(DeskAgents agents, List<String> names) {
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "desk-bench-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger next = new AtomicInteger();
        long everyMicros = TimeUnit.SECONDS.toMicros(AWAY_GRACE_SECONDS) / 3 / names.size();
        heartbeat.scheduleAtFixedRate(() -> agents.touch(names.get(Math.floorMod(next.getAndIncrement(), names.size()))),
                everyMicros, everyMicros, TimeUnit.MICROSECONDS);
        return heartbeat;
    }

    /**
     * Live heap now, with the message texts of every thread summed (their characters, one or two bytes each: what a
     * String holds them in). Read once the load's idle connections are closed and the database writer is idle.
     */
    private static HeapPoint heapPoint(HazelcastInstance member, int conversations, int port, Path out)
            throws java.io.IOException {
        int connections = OpenConnections.settle(port, Duration.ofSeconds(30));
        int httpThreads = httpThreadsAtRest(Duration.ofSeconds(30));
        databaseWriterIdle();
        HeapMeter.Reading heap = HeapMeter.read(out.resolve("desk-heap-" + conversations + ".histogram"));
        Map<String, long[]> maps = new java.util.TreeMap<>();
        for (DistributedObject object : member.getDistributedObjects()) {
            if (object instanceof IMap<?, ?> map) {
                LocalMapStats stats = map.getLocalMapStats();
                maps.put(map.getName(), new long[] {stats.getOwnedEntryCount(), stats.getOwnedEntryMemoryCost(),
                        stats.getIndexStats().values().stream().mapToLong(i -> i.getMemoryCost()).sum()});
            }
        }
        String dumps = System.getProperty("bench.desk.heapdump", "");
        if (!dumps.isEmpty()) {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpHeap(Path.of(dumps, "desk-" + conversations + ".hprof").toString(), true);
        }
        // The messages are rows in the database, never on the heap: no message text to set apart.
        return new HeapPoint(heap, 0, conversations, 0, connections, httpThreads, maps);
    }

    /**
     * Waits (at most {@code limit}) until the gateway's HTTP pool is down to its idle size, 8 threads and a few
     * reserved, checking every 50 ms; returns its threads then.
     */
    private static int httpThreadsAtRest(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        int threads = httpThreads();
        while (threads > HTTP_THREADS_AT_REST && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            threads = httpThreads();
        }
        return threads;
    }

    private static int httpThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("http-")).count();
    }

    /**
     * Waits until the database writer has had nothing to write for 300 ms: changes still on their way to the
     * database are a backlog of the moment, not what an open conversation keeps (they made the heap figure vary
     * by thousands of bytes a conversation between runs on a busy machine). Idle is waiting for work (its poll,
     * which wakes every 100 ms for an instant) at 30 looks 10 ms apart; looking without pause caught those
     * instants and could wait for ever. After two minutes it reads anyway, and says so.
     */
    private static void databaseWriterIdle() {
        Thread writer = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("database-writer-")).findFirst().orElse(null);
        if (writer == null) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int idleLooks = 0;
        while (idleLooks < 30) {
            if (System.nanoTime() > deadline) {
                LOG.warn("the database writer was still busy after 2 minutes; the heap is read all the same");
                return;
            }
            idleLooks = writer.getState() == Thread.State.TIMED_WAITING ? idleLooks + 1 : 0;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    static void waitUntil(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not done within " + limit);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static String describe(Phase phase) {
        ClaimRace.Tally t = phase.tally();
        return String.format(Locale.ROOT, "%d opened (%d errors) in %.1f s; %d claims won = %.0f /s, offer-to-claim"
                        + " p50 %.2f ms p99 %.2f ms; %d taken, %d not offered, %d no capacity, %d failed (%s); opening"
                        + " p50 %.1f ms p99 %.1f ms", phase.opened(), phase.openErrors(), phase.seconds(), t.won.get(),
                phase.claimsPerSecond(), phase.offerToClaim().p50Ms(), phase.offerToClaim().p99Ms(), t.taken.get(),
                t.notOffered.get(), t.noCapacity.get(), t.failed.get(), t.firstFailure, phase.openLatency().p50Ms(),
                phase.openLatency().p99Ms());
    }

    private static List<String> report(Settings s, double setupSeconds, List<Phase> phases, HeapFigures heap,
                                       ConnectionHeap connections, Phase measured, Phase paced,
                                       BareClaims.Outcome bare) {
        List<String> md = new ArrayList<>();
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        md.add("# Agent desk: " + s.agents() + " agents, " + s.conversations() + " open conversations, " + date);
        md.add("");
        md.add("- Command: `" + COMMAND + "`");
        md.add("- Code: " + SourceVersion.describe());
        md.add("- Machine: " + Runtime.getRuntime().availableProcessors() + " cores shared by the gateway, the agents'"
                + " and customers' HTTP clients and the baseline (one JVM, loopback only); max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; Java " + System.getProperty("java.vm.version"));
        md.add(String.format(Locale.ROOT, "- Agents: %d, skill `%s`, capacity %d each, created by the manager, signed in"
                        + " and set available over the agent API in %.1f s; each desktop calls every %d s.", s.agents(),
                DeskAgents.SKILL, s.capacity(), setupSeconds, AWAY_GRACE_SECONDS / 3));
        md.add("- Customers: " + s.customers() + " web customers in a closed loop, each request a new visitor"
                + " (`POST /api/help`); every conversation is queued and offered by the hub to every agent who can take"
                + " more; " + s.racers() + " of them accept each offer at once (`POST /api/agent/conversations/{id}/claim`).");
        md.add("- Offer-to-claim: from the offer's time (taken by the hub as it offers) to the winner's answer.");
        md.add("- Phases: the fill in " + FILL_PARTS + " parts (the heap read before and after each), then with every conversation open: `measured`,"
                + " the customers in a closed loop (as many claims as the node can do: latency includes the wait for a"
                + " core), and `paced`, customers arriving at a fixed rate, half the measured claims/s unless"
                + " `-Dbench.desk.paced.rate` says otherwise (the latency of a claim on a node that is not saturated).");
        md.add("");
        md.add("| phase | opened | seconds | claims won | claims/s | offer-to-claim p50 ms | p99 ms | max ms |"
                + " offer heard p50 / p99 ms | claim answered p50 / p99 ms | taken | not offered | no capacity | failed |"
                + " open p50 ms | open p99 ms | CPU this JVM | CPU others |");
        md.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Phase phase : phases) {
            ClaimRace.Tally t = phase.tally();
            Latencies.Summary l = phase.offerToClaim();
            md.add(String.format(Locale.ROOT, "| %s | %d | %.1f | %d | %.0f | %.2f | %.2f | %.2f | %.2f / %.2f |"
                            + " %.2f / %.2f | %d | %d | %d | %d | %.1f | %.1f | %.0f%% | %.0f%% |", phase.name(),
                    phase.opened(), phase.seconds(), t.won.get(), phase.claimsPerSecond(), l.p50Ms(), l.p99Ms(),
                    l.maxMs(), phase.offerHeard().p50Ms(), phase.offerHeard().p99Ms(), phase.claimAnswered().p50Ms(),
                    phase.claimAnswered().p99Ms(), t.taken.get(), t.notOffered.get(),
                    t.noCapacity.get(), t.failed.get(), phase.openLatency().p50Ms(), phase.openLatency().p99Ms(),
                    phase.cpu().thisJvm(), phase.cpu().otherProcesses()));
        }
        md.add(String.format(Locale.ROOT, "| baseline: bare entry-processor claim, %d offerers x %d racers | %d | %.1f | %d"
                        + " | %.0f | %.3f | %.3f | %.3f | | | | | | | | | | |", s.customers(), s.racers(), bare.claims(),
                bare.seconds(), bare.claims(), bare.perSecond(), bare.latency().p50Ms(), bare.latency().p99Ms(),
                bare.latency().maxMs()));
        md.add("");
        HeapPoint full = heap.full();
        md.add(String.format(Locale.ROOT, "Heap after forced collections: %s MiB with %s open conversations (%d"
                        + " messages, %.1f KiB of text at the end). Per open conversation besides message text: %.0f B over"
                        + " the whole fill; %.0f B a conversation more (the least-squares slope from %d to %d open:"
                        + " buffers and caches sized by the load, not by the conversations, have grown by then).",
                heap.points().stream().map(p -> String.format(Locale.ROOT, "%.1f", p.heap().usedBytes() / 1048576.0))
                        .collect(Collectors.joining(", ")),
                heap.points().stream().map(p -> String.valueOf(p.conversations())).collect(Collectors.joining(", ")),
                full.messages(), full.textBytes() / 1024.0, heap.bytesPerConversation(),
                heap.slopeBytesPerConversation(), heap.first().conversations(), full.conversations()));
        md.add("");
        md.add(String.format(Locale.ROOT, "Each heap figure is the median of %d readings of the used heap, each after a"
                        + " forced full collection (least to most: %s). Read once the database writer was idle"
                        + " and the clients had closed their idle connections: open gateway connections %s;"
                        + " gateway HTTP threads %s (idle ones end after 3 s here). Message text"
                        + " subtracted: the characters of every message's text in the threads, at one byte each when"
                        + " all are Latin-1 and two otherwise, as a Java string holds them. The benchmark's own"
                        + " counters for the fill exist before the first reading.", HeapMeter.READINGS,
                heap.points().stream().map(DeskLoadRun::spread).collect(Collectors.joining("; ")),
                heap.points().stream().map(p -> String.valueOf(p.connections())).collect(Collectors.joining(", ")),
                heap.points().stream().map(p -> String.valueOf(p.httpThreads())).collect(Collectors.joining(", "))));
        md.add("");
        md.add(String.format(Locale.ROOT, "Heap per idle keep-alive connection (%d held open after two requests each,"
                        + " as agents' browsers hold them between calls; not counted above): %.0f B (%.1f MiB for all).",
                connections.connections(), connections.bytesPerConnection(),
                (connections.held().usedBytes() - connections.before().usedBytes()) / 1048576.0));
        md.add("");
        md.add("Hazelcast's own count of its maps (entries, and the bytes of entries and indexes), from the first reading"
                + " to the last:");
        md.add("");
        md.add("| map | entries | entry bytes | index bytes | entry and index bytes per conversation |");
        md.add("|---|---:|---:|---:|---:|");
        full.maps().forEach((name, counts) -> {
            long[] before = heap.empty().maps().getOrDefault(name, new long[3]);
            md.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f |", name, counts[0], counts[1], counts[2],
                    (counts[1] + counts[2] - before[1] - before[2]) / (double) full.conversations()));
        });
        md.add("");
        md.add("Classes that grew most (live objects, from the JVM's class histogram):");
        md.add("");
        md.add("| class | instances | bytes | bytes per conversation |");
        md.add("|---|---:|---:|---:|");
        for (HeapMeter.Growth g : HeapMeter.growth(heap.empty().heap(), full.heap(), 40)) {
            md.add(String.format(Locale.ROOT, "| `%s` | %d | %d | %.0f |", g.className(), g.instances(), g.bytes(),
                    g.bytes() / (double) full.conversations()));
        }
        md.add("");
        double p99 = measured.offerToClaim().p99Ms();
        double pacedP99 = paced.offerToClaim().p99Ms();
        md.add("Targets: offer-to-claim p99 <= " + (int) TARGET_P99_MS + " ms: " + String.format(Locale.ROOT,
                "%.2f ms saturated, %.2f ms paced", p99, pacedP99)
                + (pacedP99 <= TARGET_P99_MS ? " (met when paced)" : " (MISSED)") + "; heap <= 4 KiB per open conversation"
                + " besides message text: " + String.format(Locale.ROOT, "%.0f B over the fill, %.0f B a conversation"
                + " more", heap.bytesPerConversation(), heap.slopeBytesPerConversation())
                + (heap.bytesPerConversation() <= TARGET_BYTES_PER_CONVERSATION ? " (met)"
                : heap.slopeBytesPerConversation() <= TARGET_BYTES_PER_CONVERSATION ? " (met a conversation more only)"
                : " (MISSED)") + ".");
        md.add("");
        md.add("Rows for docs/performance.md:");
        md.add("");
        md.add(String.format(Locale.ROOT, "| claims with %,d agents on duty and %,d open conversations (%d agents accept"
                        + " each offer at once; %d web customers opening conversations) | %,.0f claims/s, offer-to-claim p50"
                        + " %.1f ms | bare entry-processor claim on the same member %,.0f claims/s | %.3f | %.1f ms | %s | `%s` |",
                s.agents(), s.conversations(), s.racers(), s.customers(), measured.claimsPerSecond(),
                measured.offerToClaim().p50Ms(), bare.perSecond(), measured.claimsPerSecond() / bare.perSecond(), p99,
                date, COMMAND));
        md.add(String.format(Locale.ROOT, "| offer-to-claim latency with customers arriving at %.0f/s (the same agents and"
                        + " conversations) | p50 %.1f ms, %.0f claims/s | bare entry-processor claim p99 %.3f ms | | %.1f ms | %s |"
                        + " the same run |", paced.opened() / paced.seconds(), paced.offerToClaim().p50Ms(),
                paced.claimsPerSecond(), bare.latency().p99Ms(), pacedP99, date));
        md.add(String.format(Locale.ROOT, "| heap per open conversation besides message text (%,d open, %,d agents; the"
                        + " second figure a conversation more, the slope from %,d to %,d open) | %,.0f B (%,.0f B) | the"
                        + " issue's budget 4,096 B | %.2f | | %s | the same run |", full.conversations(), s.agents(),
                heap.first().conversations(), full.conversations(), heap.bytesPerConversation(),
                heap.slopeBytesPerConversation(),
                heap.bytesPerConversation() / TARGET_BYTES_PER_CONVERSATION, date));
        return md;
    }

    private static String spread(HeapPoint point) {
        return String.format(Locale.ROOT, "%.1f to %.1f MiB", point.heap().leastBytes() / 1048576.0,
                point.heap().mostBytes() / 1048576.0);
    }

    static String round(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    /** Web customers in a closed loop, each request a new visitor asking for a person. */
    static final class CustomerLoad {
        private final URI base;
        private final int customers;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final AtomicInteger numbers = new AtomicInteger();

        CustomerLoad(URI base, int customers) {
            this.base = base;
            this.customers = customers;
        }

        /**
         * Customers arriving at {@code perSecond} for {@code seconds}, each opening a conversation whatever the others
         * wait for (an open loop, up to 64 at once); then waits (up to a minute more) until every one is claimed.
         */
        Phase runPaced(String name, ClaimRace race, double perSecond, int seconds) throws InterruptedException {
            int count = (int) Math.ceil(perSecond * seconds);
            ClaimRace.Tally tally = race.start(count + 1000);
            AtomicInteger opened = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            Latencies openLatency = new Latencies(count);
            ExecutorService senders = Executors.newFixedThreadPool(64);
            ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger scheduled = new AtomicInteger();
            CountDownLatch allSent = new CountDownLatch(1);
            MachineCpu.Snapshot cpuBefore = MachineCpu.snapshot();
            long started = System.nanoTime();
            arrivals.scheduleAtFixedRate(() -> {
                if (scheduled.getAndIncrement() >= count) {
                    allSent.countDown();
                    return;
                }
                senders.execute(() -> open(opened, errors, openLatency));
            }, 0, (long) (1_000_000 / perSecond), TimeUnit.MICROSECONDS);
            allSent.await(seconds + 60L, TimeUnit.SECONDS);
            arrivals.shutdownNow();
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
            return finish(name, tally, opened, errors, openLatency, cpuBefore, started);
        }

        private void open(AtomicInteger opened, AtomicInteger errors, Latencies openLatency) {
            int n = numbers.incrementAndGet();
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/api/help"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"I need a person, please: order " + n
                                + " never came\"}")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    int slot = opened.getAndIncrement();
                    if (slot < openLatency.capacity()) {
                        openLatency.set(slot, System.nanoTime() - sent);
                    }
                } else {
                    errors.incrementAndGet();
                }
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        }

        private static Phase finish(String name, ClaimRace.Tally tally, AtomicInteger opened, AtomicInteger errors,
                                    Latencies openLatency, MachineCpu.Snapshot cpuBefore, long started) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (tally.won.get() < opened.get() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                Thread.yield();
            }
            long last = Math.max(tally.lastWin.get(), started + 1);
            MachineCpu.Use cpu = MachineCpu.between(cpuBefore, MachineCpu.snapshot());
            return new Phase(name, opened.get(), errors.get(), (last - started) / 1e9, tally,
                    openLatency.summarize(Math.min(opened.get(), openLatency.capacity())), cpu);
        }

        /**
         * Opens up to {@code count} conversations within {@code seconds}, then waits (up to a minute more) until every
         * one opened is claimed.
         */
        Phase run(String name, ClaimRace race, Counters counters, int count, int seconds) throws InterruptedException {
            ClaimRace.Tally tally = race.start(counters.tally());
            AtomicInteger opened = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            Latencies openLatency = counters.openLatency();
            AtomicInteger slots = new AtomicInteger();
            MachineCpu.Snapshot cpuBefore = MachineCpu.snapshot();
            long started = System.nanoTime();
            long end = started + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < end && slots.getAndIncrement() < count) {
                        open(opened, errors, openLatency);
                    }
                }, name + "-customer-" + c);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            return finish(name, tally, opened, errors, openLatency, cpuBefore, started);
        }
    }
}
