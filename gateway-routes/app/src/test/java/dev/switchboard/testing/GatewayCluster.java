package dev.switchboard.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.config.SwitchboardConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Gateway nodes of one cluster, each the shaded jar in a process of its own on loopback, with its own data directory,
 * HTTP port and Hazelcast port (the same across its restarts, so that the others' member lists and the clients find it
 * again), all on one fresh database of the tests' PostgreSQL. A node is started, stopped (SIGTERM), killed (SIGKILL)
 * and started again by its number; each node's log, across its restarts, is {@code target/process-logs/<name>-<n>.log}.
 */
public final class GatewayCluster implements AutoCloseable {
    private static final Duration FORM_WAIT = Duration.ofSeconds(120);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /**
     * The nodes' JVMs compile with C1 only and collect with the serial collector: three of them start side by side in
     * far less CPU on a 2-core machine. What the tests of a cluster look at is what is stored and answered, not speed.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private record Node(Path dataDir, Path log, int httpPort, int hazelcastPort) {
    }

    private final List<Node> nodes;
    private final Map<String, String> settings;
    private final String database;
    private final GatewayProcess[] running;

    private GatewayCluster(List<Node> nodes, Map<String, String> settings, String database) {
        this.nodes = nodes;
        this.settings = settings;
        this.database = database;
        this.running = new GatewayProcess[nodes.size()];
    }

    /**
     * A cluster of {@code size} nodes, none started yet, on a new database of the tests' PostgreSQL.
     *
     * @param root     where the nodes' data directories are made
     * @param name     the start of the cluster's name and of its logs
     * @param settings settings of every node (an SMSC to bind to), beside the cluster's and the database's own
     */
    public static GatewayCluster onNewDatabase(int size, Path root, String name, Map<String, String> settings)
            throws IOException {
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.createDatabase();
        List<Node> nodes = new ArrayList<>();
        for (int n = 0; n < size; n++) {
            nodes.add(new Node(Files.createDirectories(root.resolve("node-" + n)), GatewayProcess.logFile(name + "-" + n),
                    Ports.free(), Ports.free()));
        }
        Map<String, String> shared = new HashMap<>(settings);
        shared.put(SwitchboardConfig.CLUSTER_NAME, name + "-" + System.nanoTime());
        shared.put(SwitchboardConfig.DB_URL, postgres.jdbcUrl(database));
        shared.put(SwitchboardConfig.DB_USER, postgres.user());
        shared.put(SwitchboardConfig.DB_PASSWORD, postgres.password());
        return new GatewayCluster(nodes, shared, database);
    }

    public int size() {
        return nodes.size();
    }

    /** Starts every node that is not running, side by side, and waits until they formed one cluster. */
    public void startAll() {
        List<CompletableFuture<Void>> starting = IntStream.range(0, size()).filter(n -> !isRunning(n))
                .mapToObj(n -> CompletableFuture.runAsync(() -> start(n))).toList();
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        awaitFormed();
    }

    /** Starts node {@code n} and waits until it serves (it may not have joined the others yet: {@link #awaitFormed()}). */
    public void start(int n) {
        if (isRunning(n)) {
            throw new IllegalStateException("node " + n + " is running");
        }
        Node node = nodes.get(n);
        Map<String, String> values = new HashMap<>(settings);
        values.put(SwitchboardConfig.HAZELCAST_PORT, String.valueOf(node.hazelcastPort()));
        values.put(SwitchboardConfig.CLUSTER_MEMBERS, IntStream.range(0, size()).filter(other -> other != n)
                .mapToObj(other -> "127.0.0.1:" + nodes.get(other).hazelcastPort()).collect(Collectors.joining(",")));
        try {
            GatewayProcess process = GatewayProcess.startJar(node.dataDir(), node.log(), values, JVM_OPTIONS, node.httpPort());
            synchronized (running) {
                running[n] = process;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until every running node's health is UP (its channels too: the SMSC bound) and counts every running node
     * as a member.
     */
    public void awaitFormed() {
        List<Integer> up = IntStream.range(0, size()).filter(this::isRunning).boxed().toList();
        await().atMost(FORM_WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
            for (int n : up) {
                JsonNode health = http(n).get("/health", null).json();
                if (!"UP".equals(health.path("status").asText())
                        || !health.path("components").path("hazelcast").path("detail").asText().startsWith(up.size() + " ")) {
                    throw new AssertionError("node " + n + " of " + up + ": " + health);
                }
            }
        });
    }

    /** SIGTERM to node {@code n}: returns once it exited, with how long that took. */
    public Duration terminate(int n) throws InterruptedException {
        GatewayProcess process = process(n);
        try {
            return process.terminate(STOP_WAIT);
        } finally {
            forget(n);
        }
    }

    /** SIGTERM to every running node at once; returns once all exited. */
    public void terminateAll() {
        List<CompletableFuture<Duration>> stopping = IntStream.range(0, size()).filter(this::isRunning)
                .mapToObj(n -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return terminate(n);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                })).toList();
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
    }

    /** SIGKILL to node {@code n}. */
    public void kill(int n) throws InterruptedException {
        process(n).kill();
        forget(n);
    }

    public boolean isRunning(int n) {
        synchronized (running) {
            return running[n] != null;
        }
    }

    public URI baseUri(int n) {
        return URI.create("http://127.0.0.1:" + nodes.get(n).httpPort() + "/");
    }

    public List<URI> baseUris() {
        return IntStream.range(0, size()).mapToObj(this::baseUri).toList();
    }

    public HttpJson http(int n) {
        return new HttpJson(baseUri(n));
    }

    /** What node {@code n} logged, over all its runs. */
    public String output(int n) throws IOException {
        return Files.readString(nodes.get(n).log());
    }

    /** A connection to the cluster's database, as the test's own look at what is stored. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(settings.get(SwitchboardConfig.DB_URL),
                settings.get(SwitchboardConfig.DB_USER), settings.get(SwitchboardConfig.DB_PASSWORD));
    }

    private GatewayProcess process(int n) {
        synchronized (running) {
            if (running[n] == null) {
                throw new IllegalStateException("node " + n + " is not running");
            }
            return running[n];
        }
    }

    private void forget(int n) {
        synchronized (running) {
            running[n] = null;
        }
    }

    /** Stops every node still running (SIGTERM, SIGKILL after 30 s) and drops the database. */
    @Override
    public void close() throws InterruptedException {
        try {
            for (int n = 0; n < size(); n++) {
                GatewayProcess process;
                synchronized (running) {
                    process = running[n];
                    running[n] = null;
                }
                if (process != null) {
                    process.close();
                }
            }
        } finally {
            TestPostgres.shared().dropDatabase(database);
        }
    }
}
