package dev.switchboard.testing;

import static org.awaitility.Awaitility.await;

import dev.switchboard.gateway.config.SwitchboardConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway in a process of its own, so that a test can stop it as an operator does (SIGTERM), kill it the hard
 * way (SIGKILL) and start it again on the same data. Started either from this test's class path with the real
 * entry point, or from the shaded jar exactly as users run it ({@code java -jar switchboard.jar}).
 */
public final class GatewayProcess implements AutoCloseable {
    /** The system property naming the shaded jar, set by the build for the tests that run it. */
    public static final String JAR_PROPERTY = "switchboard.jar";
    /** Long enough for a start on a 2-core machine that other builds share (a minute and more has been seen). */
    private static final Duration START_WAIT = Duration.ofSeconds(180);
    /** The first line of {@code GC.heap_info}, under G1 the whole heap's: "garbage-first heap total 262144K, used 53819K". */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final List<String> HAZELCAST_FLAGS = List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    private final Process process;
    private final int httpPort;
    private final Path log;

    private GatewayProcess(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /** Starts the gateway from the test class path and waits until it serves (its port opens after every part started). */
    public static GatewayProcess start(Path dataDir, Path log) throws IOException {
        List<String> command = new ArrayList<>(HAZELCAST_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.switchboard.gateway.SwitchboardMain"));
        return launch(command, dataDir, log, Map.of(), Ports.free());
    }

    /**
     * Starts {@code java -jar} on the shaded jar the build made (the {@value #JAR_PROPERTY} system property), with
     * {@code settings} (property keys) given as the environment variables an operator would set, and waits until it
     * serves: {@code /health} answers, UP or DOWN (a channel whose peer is away is DOWN).
     */
    public static GatewayProcess startJar(Path dataDir, Path log, Map<String, String> settings) throws IOException {
        return startJar(dataDir, log, settings, List.of(), 0);
    }

    /**
     * As {@link #startJar(Path, Path, Map)}, with {@code jvmOptions} before {@code -jar} (a heap limit) and on
     * {@code httpPort} (0: a free one), so that a node restarted is found where it was.
     */
    public static GatewayProcess startJar(Path dataDir, Path log, Map<String, String> settings, List<String> jvmOptions,
                                          int httpPort) throws IOException {
        List<String> launcher = new ArrayList<>(jvmOptions);
        launcher.addAll(List.of("-jar", shadedJar().toString()));
        return launch(launcher, dataDir, log, settings, httpPort == 0 ? Ports.free() : httpPort);
    }

    /**
     * A fresh log file for a process, under {@code target/process-logs/}, so that a failed run leaves the gateway's
     * own words for whoever looks into it.
     */
    public static Path logFile(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "process-logs"));
        Path log = dir.resolve(name + ".log");
        Files.deleteIfExists(log);
        return log;
    }

    /** The shaded jar the build made; fails the test with the reason when it is missing. */
    public static Path shadedJar() {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no shaded jar at " + jar + ": run these tests with `mvn verify`, which packages it");
        }
        return Path.of(jar);
    }

    /**
     * Runs the gateway from the test class path with {@code settings} as environment variables, for a start that must
     * fail: returns its exit status once it ended, within {@code limit}; what it printed is in {@code log}.
     */
    public static int runUntilExit(Path dataDir, Path log, Map<String, String> settings, Duration limit)
            throws IOException, InterruptedException {
        List<String> launcher = new ArrayList<>(HAZELCAST_FLAGS);
        launcher.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.switchboard.gateway.SwitchboardMain"));
        Process process = builder(launcher, dataDir, log, settings, Ports.free()).start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the gateway was still running after " + limit + "; what it printed:\n"
                    + Files.readString(log));
        }
        return process.exitValue();
    }

    private static GatewayProcess launch(List<String> launcher, Path dataDir, Path log, Map<String, String> settings,
                                         int httpPort) throws IOException {
        GatewayProcess gateway = new GatewayProcess(builder(launcher, dataDir, log, settings, httpPort).start(), httpPort, log);
        HttpJson http = gateway.http();
        try {
            await().atMost(START_WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .failFast("the gateway process exited", () -> !gateway.process.isAlive())
                    .until(() -> {
                        int status = http.get("/health", null).status();
                        return status == 200 || status == 503;
                    });
        } catch (RuntimeException | Error notServing) {
            gateway.process.destroyForcibly();
            throw new IllegalStateException("the gateway process did not serve"
                    + (gateway.process.isAlive() ? "" : " (exit status " + gateway.process.exitValue() + ")")
                    + "; what it printed:\n" + gateway.output(), notServing);
        }
        return gateway;
    }

    /** A gateway's process: its output appended to {@code log}, none of this machine's SWITCHBOARD_* variables. */
    private static ProcessBuilder builder(List<String> launcher, Path dataDir, Path log, Map<String, String> settings,
                                          int httpPort) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launcher);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SWITCHBOARD_"));
        env.put("SWITCHBOARD_HTTP_HOST", "127.0.0.1");
        env.put("SWITCHBOARD_HTTP_PORT", String.valueOf(httpPort));
        env.put("SWITCHBOARD_HAZELCAST_PORT", String.valueOf(Ports.free()));
        env.put("SWITCHBOARD_CLUSTER_NAME", "process-" + System.nanoTime());
        env.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        env.put("SWITCHBOARD_SMSC_SIM_PORT", "0");
        settings.forEach((key, value) -> env.put(SwitchboardConfig.environmentName(key), value));
        return builder;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    public HttpJson http() {
        return new HttpJson(baseUri());
    }

    /** What the process printed so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, as an operator or a service manager stops it: returns how long it took to exit, at most {@code limit}. */
    public Duration terminate(Duration limit) throws InterruptedException {
        long asked = System.nanoTime();
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the gateway did not exit within " + limit + " of SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - asked);
    }

    /** The process id, for the JDK's tools ({@code jcmd}). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The heap in use right after a full collection, in bytes: {@code jcmd <pid> GC.run}, then {@code GC.heap_info}'s
     * {@code used}, for a JVM on G1 (the first line of another collector's figures is one generation's).
     */
    public long heapUsedAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no heap figures in jcmd's GC.heap_info:\n" + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    /** The exit status, once the process ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing but what was already written survives. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
