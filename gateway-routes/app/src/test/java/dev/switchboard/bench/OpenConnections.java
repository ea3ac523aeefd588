package dev.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway's open TCP connections, counted from the kernel's table of this process's sockets (Linux): those in
 * state ESTABLISHED whose local port is the gateway's. The gateway keeps buffers for each (its HTTP parser's header
 * cache was about 100 KB before it was turned off; a few KB now), so a heap reading must not count the connections
 * the load generator happens to hold.
 */
final class OpenConnections {
    /** Connections the agents' steady desktop calls keep in use (one call every 20 ms, spread over the agents). */
    static final int STEADY = 4;
    private static final List<Path> TABLES = List.of(Path.of("/proc/self/net/tcp"), Path.of("/proc/self/net/tcp6"));
    private static final String ESTABLISHED = "01";

    private OpenConnections() {
    }

    /**
     * Waits (at most {@code limit}) until the clients have closed their idle connections and at most {@link #STEADY}
     * are open, checking every 50 ms; returns how many are open then.
     */
    static int settle(int port, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        int open = count(port);
        while (open > STEADY && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            open = count(port);
        }
        return open;
    }

    static int count(int port) {
        String localPort = String.format(Locale.ROOT, ":%04X", port);
        int open = 0;
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(table)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && fields[1].endsWith(localPort) && fields[3].equals(ESTABLISHED)) {
                        open++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return open;
    }
}
