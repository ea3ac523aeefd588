package dev.switchboard.features;

import com.example.pager.PagerAdapter;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.FakeTwilioApi;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestGateways;
import dev.switchboard.testing.TestMailServer;
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
 * visitor ids and numbers of their own ({@link World}), and agents they put on duty sign out when the
 * scenario ends. Every channel is on: SMS over SMPP with the gateway's SMSC simulator, Twilio with its REST
 * API stood in for on loopback ({@link FakeTwilioApi}), and email with the help desk's mailbox on a GreenMail
 * server ({@link TestMailServer}), where every mail the gateway sends lands too.
 */
final class RunningGateway {
    private static final Logger LOG = LoggerFactory.getLogger(RunningGateway.class);
    /** The first manager's password, for scenarios that create agents. */
    static final String MANAGER_PASSWORD = "features manager password";
    static final String MANAGER = "manager";
    private static RunningGateway running;

    private final Path dataDir;
    private final FakeTwilioApi twilio;
    private final TestMailServer mail;
    private final Gateway gateway;
    private final HttpJson http;

    private RunningGateway(Path dataDir, FakeTwilioApi twilio, TestMailServer mail, Gateway gateway) {
        this.dataDir = dataDir;
        this.twilio = twilio;
        this.mail = mail;
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
        FakeTwilioApi twilio = null;
        TestMailServer mail = null;
        try {
            twilio = new FakeTwilioApi();
            mail = new TestMailServer();
            // The pager adapter reads its own settings through AdapterContext.settings(); 0 is any free port.
            // The Twilio channel is on, reached as Twilio reaches it (TwilioWebhooks signs for its public URL); the
            // WAP phones' requests come from 127.0.0.1, which stands for their operator's WAP gateway.
            Map<String, String> settings = new HashMap<>(TwilioWebhooks.settings(twilio.baseUrl()));
            settings.putAll(mail.gatewaySettings());
            settings.put(PagerAdapter.HOST_SETTING, "127.0.0.1");
            settings.put(PagerAdapter.PORT_SETTING, "0");
            settings.put("switchboard.wap.trusted-gateways", "127.0.0.1/32");
            // The shop whose pages embed the chat widget (chat-with-us-from-a-shop-page.feature).
            settings.put("switchboard.widget.allowed-origins", "http://shop.example");
            settings.put("switchboard.accounts.first-manager", MANAGER);
            settings.put("switchboard.accounts.first-manager-password", MANAGER_PASSWORD);
            settings.put("switchboard.accounts.password-hash-cost", "4");
            // The scenarios' agent desktops call the API step by step rather than every second, as the real one
            // does: a slow machine must not turn an agent away, or move an offer on, in the middle of a scenario.
            settings.put("switchboard.agents.away-grace-seconds", "600");
            settings.put("switchboard.routing.offer-timeout-seconds", "120");
            Gateway gateway = TestGateways.start(dataDir, settings);
            LOG.info("feature gateway up at {} in {} ms", gateway.baseUri(), gateway.startupTime().toMillis());
            return new RunningGateway(dataDir, twilio, mail, gateway);
        } catch (Exception e) {
            closeQuietly(twilio);
            if (mail != null) {
                mail.close();
            }
            delete(dataDir);
            throw new IllegalStateException("the gateway for the features did not start: " + e.getMessage(), e);
        }
    }

    /** Closes the gateway, if one was started, and deletes its data; the next {@link #get()} starts anew. */
    static synchronized void close() {
        if (running != null) {
            running.gateway.close();
            closeQuietly(running.twilio);
            running.mail.close();
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

    /** What the gateway asked of Twilio's REST API. */
    FakeTwilioApi twilio() {
        return twilio;
    }

    /** The mail server: the help desk's mailbox, and every mailbox the gateway mails to. */
    TestMailServer mail() {
        return mail;
    }

    private static void closeQuietly(FakeTwilioApi twilio) {
        if (twilio != null) {
            try {
                twilio.close();
            } catch (Exception e) {
                LOG.warn("could not stop the stand-in for Twilio's API: {}", e.toString());
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
