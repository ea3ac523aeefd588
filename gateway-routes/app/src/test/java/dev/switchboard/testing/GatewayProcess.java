package dev.switchboard.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A gateway in a process of its own, started from this test's class path with the real entry point, so
 * that a test can kill it the hard way (SIGKILL) and start it again on the same data.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final List<String> HAZELCAST_FLAGS = List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    private final Process process;
    private final int httpPort;

    private GatewayProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /** Starts the gateway and waits until {@code /health} answers UP. */
    public static GatewayProcess start(Path dataDir, Path log) throws IOException {
        int httpPort = Ports.free();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(HAZELCAST_FLAGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.switchboard.gateway.SwitchboardMain");
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
        GatewayProcess gateway = new GatewayProcess(builder.start(), httpPort);
        HttpJson http = gateway.http();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            if (!gateway.process.isAlive()) {
                throw new IllegalStateException("the gateway process exited; see " + log);
            }
            return http.get("/health", null).status() == 200;
        });
        return gateway;
    }

    public HttpJson http() {
        return new HttpJson(URI.create("http://127.0.0.1:" + httpPort + "/"));
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
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
