package dev.switchboard.features;

import com.example.pager.PagerAdapter;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestGateways;
import dev.switchboard.testing.TwilioWebhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gateway of a test run: started on free loopback ports with a data directory of its own when the
 * first scenario needs it, shared by all scenarios, and closed after the last ({@link Hooks#closeGateway()})
 * or, should that hook not run, when the JVM exits. Scenarios keep out of each other's way by using
 * visitor ids and numbers of their own ({@link World}).
 */
final class RunningGateway {
    private static final Logger LOG = LoggerFactory.getLogger(RunningGateway.class);
    private static RunningGateway running;

    private final Path dataDir;
    private final Gateway gateway;
    private final HttpJson http;

    private RunningGateway(Path dataDir, Gateway gateway) {
        this.dataDir = dataDir;
        this.gateway = gateway;
        this.http = new HttpJson(gateway.baseUri());
    }

    static synchronized RunningGateway get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(RunningGateway::close, "close-feature-gateway"));
        }
        return running;
    }

    private static RunningGateway start() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("switchboard-features-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            // The pager adapter reads its own settings through AdapterContext.settings(); 0 is any free port.
            // The Twilio channel is on, reached as Twilio reaches it (TwilioWebhooks signs for its public URL); the
            // WAP phones' requests come from 127.0.0.1, which stands for their operator's WAP gateway.
            Map<String, String> settings = new HashMap<>(TwilioWebhooks.settings("http://127.0.0.1:9"));
            settings.put(PagerAdapter.HOST_SETTING, "127.0.0.1");
            settings.put(PagerAdapter.PORT_SETTING, "0");
            settings.put("switchboard.wap.trusted-gateways", "127.0.0.1/32");
            Gateway gateway = TestGateways.start(dataDir, settings);
            LOG.info("feature gateway up at {} in {} ms", gateway.baseUri(), gateway.startupTime().toMillis());
            return new RunningGateway(dataDir, gateway);
        } catch (Exception e) {
            delete(dataDir);
            throw new IllegalStateException("the gateway for the features did not start: " + e.getMessage(), e);
        }
    }

    /** Closes the gateway, if one was started, and deletes its data; the next {@link #get()} starts anew. */
    static synchronized void close() {
        if (running != null) {
            running.gateway.close();
            delete(running.dataDir);
            running = null;
        }
    }

    URI baseUri() {
        return gateway.baseUri();
    }

    /** A JSON HTTP client of the gateway's one HTTP port. */
    HttpJson http() {
        return http;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
