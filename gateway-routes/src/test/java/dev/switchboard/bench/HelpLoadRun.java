package dev.switchboard.bench;

import dev.switchboard.bench.ClosedLoop.Outcome;
import dev.switchboard.bench.ClosedLoop.Scenario;
import dev.switchboard.bench.HttpDriver.Reply;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.TestGateways;
import dev.switchboard.testing.TwilioWebhooks;
import java.net.URI;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The throughput benchmark of the customer API: one closed-loop load, run in one JVM on loopback against
 * <ol>
 *   <li>{@code bare}: a bare Jetty 12 server shaped like the gateway's, whose one servlet reads the body and
 *       answers 201 with a fixed JSON body of about the hub's size (the baseline);</li>
 *   <li>{@code hub-new}: a whole gateway (Camel routes, Hazelcast with write-through to H2, Velocity) on a
 *       fresh data directory, {@code POST /api/help} with a distinct visitor id every time, so each request
 *       creates a customer, an address link, a conversation and an idempotency record (the full write path);</li>
 *   <li>{@code hub-follow-up}: the same gateway, one returning customer per client posting follow-ups to his
 *       own conversation: {@code POST /api/conversations/{id}/messages} with his Bearer token.</li>
 * </ol>
 * With {@code -Dbench.scenario=twilio} it measures Twilio's SMS webhook instead, against
 * <ol>
 *   <li>{@code bare}: the same bare server, whose servlet at {@code /twilio/sms} only checks the signature with the
 *       SDK's RequestValidator and answers a fixed TwiML body of the hub's size (the baseline);</li>
 *   <li>{@code hub-twilio}: a whole gateway with the Twilio channel on, signed webhooks from a new number each
 *       (signature checked, customer, link, conversation and idempotency record written, TwiML answer); report in
 *       {@code target/bench/twilio-load.md}, with the target of 1,000 webhooks/s.</li>
 * </ol>
 * Reports answers, errors, throughput, latency percentiles and the hub/bare ratio through the {@code bench}
 * logger and in {@code target/bench/help-load.md} and {@code .json}. A run with errors is flagged and exits 2.
 *
 * <p>Run it (the tests are skipped in the {@code bench} profile; it never runs in a plain {@code mvn verify}):
 * <pre>
 * mvn -q -pl gateway-routes -Pbench verify
 * mvn -pl gateway-routes -Pbench test-compile exec:exec     # quicker: no jar, no shade
 * </pre>
 * Parameters, as {@code -D} options of either command: {@code bench.clients} (64), {@code bench.seconds} (20),
 * {@code bench.requests} (200000), {@code bench.warmup.seconds} (20), {@code bench.warmup.requests} (20000: the
 * warm-up lasts until both are reached, because the JIT needs that long on 2 busy cores),
 * {@code bench.warmup.max.seconds} (90), {@code bench.followups.warmup.seconds} (5: the follow-up phase runs on the
 * warm gateway, and every follow-up makes the conversations longer), {@code bench.client} ({@code jetty} or
 * {@code jdk}; Jetty's is the default because it costs the shared cores less: against the bare server it drove
 * about 4,300 req/s where {@code java.net.http} drove 1,450 to 1,950 in the same short runs), {@code bench.jfr}
 * ({@code true}: record each hub phase with Flight Recorder to {@code target/bench/*.jfr} and append where the
 * time went to the report; the recording itself costs the hub about a third of its throughput, so quote figures
 * from runs without it).
 *
 * <p>{@code mvn -pl gateway-routes -Pbench exec:exec -Dbench.analyze=target/bench/hub-new.jfr} only summarises an
 * existing recording, as in the report.
 *
 * <p>The load generator shares the cores with the servers: on a 2-core machine its own work is a large part of
 * the bare figure. It is a benchmark, not a test: it asserts nothing but that every answer was a 2xx.
 */
public final class HelpLoadRun {
    private static final Logger LOG = LoggerFactory.getLogger("bench");
    private static final int TWILIO_TARGET_PER_SECOND = 1_000;

    private HelpLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        String analyze = System.getProperty("bench.analyze", "").trim();
        if (!analyze.isEmpty()) {
            for (String line : JfrHotSpots.summarize(Path.of(analyze), Path.of(analyze).getFileName().toString())) {
                LOG.info("{}", line);
            }
            return;
        }
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path out = Path.of(settings.outputDir()).toAbsolutePath();
        String runId = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        RunReport report;
        ClosedLoop.Warmup warmup = new ClosedLoop.Warmup(settings.warmup(), settings.warmupRequests(), settings.warmupMax());
        List<Path> recordings = new ArrayList<>();
        if (settings.jfr()) {
            Profiler.prime();
        }
        boolean twilio = settings.scenario().equals("twilio");
        try (HttpDriver driver = HttpDriver.create(settings.client(), settings.clients())) {
            report = twilio
                    ? new RunReport(settings, driver.name(), "twilio-load", "Twilio webhook",
                            "bare Jetty 12 servlet checking the signature, fixed TwiML")
                    : new RunReport(settings, driver.name(), "help-load", "help-load",
                            "bare Jetty 12 servlet, fixed 201 JSON");
            report.note("Code measured", SourceVersion.describe());
            LOG.info("{} benchmark: {} clients; per target a warm-up of at least {} s and {} answers (at most {} s),"
                    + " then at most {} s or {} answers; client {}", settings.scenario(), settings.clients(),
                    settings.warmup().toSeconds(), settings.warmupRequests(), settings.warmupMax().toSeconds(),
                    settings.measured().toSeconds(), settings.maxRequests(), driver.name());
            LOG.info("Machine: {}", RunReport.machine());
            if (twilio) {
                measureTwilio(settings, driver, report, runId, warmup, out, recordings);
            } else {
                measureHelp(settings, driver, report, runId, warmup, out, recordings);
            }
        }
        for (Path recording : recordings) {
            report.profile(JfrHotSpots.summarize(recording, recording.getFileName().toString().replace(".jfr", "")));
        }
        List<Path> written = report.write(out);
        for (String line : report.markdown()) {
            if (!line.isEmpty()) {
                LOG.info("{}", line);
            }
        }
        LOG.info("Results written to {}", written);
        if (report.hasErrors()) {
            LOG.error("FLAGGED: the run had errors; see {}", written.get(0));
            System.exit(2);
        }
        System.exit(0);
    }

    /** The customer JSON API: bare, then new customers and follow-ups through the hub. */
    private static void measureHelp(BenchSettings settings, HttpDriver driver, RunReport report, String runId,
                                    ClosedLoop.Warmup warmup, Path out, List<Path> recordings) throws Exception {
        try (BareServer bare = BareServer.start()) {
            report.add(measure(settings, driver, "bare", "Bare Jetty servlet, POST /api/help (fixed 201 JSON)",
                    Scenarios.newVisitors(bare.baseUri().resolve("/api/help"), runId), warmup, null, recordings));
        }

        Path dataDir = Files.createTempDirectory("switchboard-bench-");
        try {
            try (Gateway gateway = TestGateways.start(dataDir)) {
                Reply probe = driver.sendAndWait(new HttpDriver.BenchRequest(gateway.baseUri().resolve("/api/help"),
                        Scenarios.helpBody("What are your opening hours?", "bench-" + runId + "-probe"), null));
                if (!probe.ok()) {
                    throw new IllegalStateException("the gateway does not answer: " + probe.describe());
                }
                report.note("Hub answer to a new visitor", probe.body().length + " bytes (baseline body: "
                        + BareServer.BODY.length + " bytes)");
                report.note("Gateway", "TestGateways.start on a fresh temporary data directory (embedded H2 file,"
                        + " WRITE_DELAY=0; one Hazelcast member), started in " + gateway.startupTime().toMillis() + " ms");

                report.add(measure(settings, driver, "hub-new", "Hub, new customer per request (POST /api/help)",
                        Scenarios.newVisitors(gateway.baseUri().resolve("/api/help"), runId), warmup,
                        settings.jfr() ? out.resolve("hub-new.jfr") : null, recordings));

                Scenario followUps = Scenarios.followUps(driver, gateway.baseUri(), settings.clients(), runId);
                RunReport.Target followUp = measure(settings, driver, "hub-follow-up",
                        "Hub, returning customer follow-up (POST /api/conversations/{id}/messages)", followUps,
                        new ClosedLoop.Warmup(settings.followUpWarmup(), 0, settings.followUpWarmup()),
                        settings.jfr() ? out.resolve("hub-follow-up.jfr") : null, recordings);
                report.add(followUp);
                long atStart = 2 + 2L * followUp.outcome().warmupRequests() / settings.clients();
                long atEnd = atStart + 2L * followUp.outcome().requests() / settings.clients();
                report.note("Follow-up conversations", "about " + atStart + " messages each when the measured phase"
                        + " started, " + atEnd + " at its end (each follow-up appends a question and an answer; a"
                        + " conversation is one IMap value, read and written whole)");
            }
        } finally {
            deleteRecursively(dataDir);
        }
    }

    /**
     * Twilio's SMS webhook: a bare servlet that only checks the signature, then the hub with the Twilio channel
     * on, both posted the same signed webhooks, each from a new number. Target: 1,000 webhooks/s.
     */
    private static void measureTwilio(BenchSettings settings, HttpDriver driver, RunReport report, String runId,
                                      ClosedLoop.Warmup warmup, Path out, List<Path> recordings) throws Exception {
        try (BareServer bare = BareServer.start()) {
            report.add(measure(settings, driver, "bare", "Bare Jetty servlet, signed POST /twilio/sms (signature"
                            + " checked, fixed TwiML)", Scenarios.twilioWebhooks(bare.baseUri().resolve("/twilio/sms"), runId),
                    warmup, null, recordings));
        }
        Path dataDir = Files.createTempDirectory("switchboard-bench-");
        try (Gateway gateway = TestGateways.start(dataDir, TwilioWebhooks.settings("http://127.0.0.1:9"))) {
            URI sms = gateway.baseUri().resolve("/twilio/sms");
            Reply probe = driver.sendAndWait(Scenarios.twilioWebhooks(sms, runId + "p").next(0));
            if (!probe.ok()) {
                throw new IllegalStateException("the gateway does not answer the webhook: " + probe.describe());
            }
            report.note("Hub answer to a webhook", probe.body().length + " bytes of TwiML (baseline body: "
                    + BareServer.TWIML_BODY.length + " bytes)");
            report.note("Gateway", "TestGateways.start with the Twilio channel on, on a fresh temporary data directory"
                    + " (embedded H2 file; one Hazelcast member), started in " + gateway.startupTime().toMillis() + " ms");
            RunReport.Target hub = measure(settings, driver, "hub-twilio", "Hub, signed Twilio SMS webhook from a new"
                            + " number (POST /twilio/sms)", Scenarios.twilioWebhooks(sms, runId), warmup,
                    settings.jfr() ? out.resolve("hub-twilio.jfr") : null, recordings);
            report.add(hub);
            double rate = hub.outcome().requestsPerSecond();
            report.note("Twilio target", String.format(Locale.ROOT, ">= %,d signed webhooks/s through the hub: %,.0f/s %s",
                    TWILIO_TARGET_PER_SECOND, rate, rate >= TWILIO_TARGET_PER_SECOND ? "(met)" : "(MISSED)"));
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static RunReport.Target measure(BenchSettings settings, HttpDriver driver, String id, String description,
                                            Scenario scenario, ClosedLoop.Warmup warmup, Path recording,
                                            List<Path> recordings) throws InterruptedException {
        LOG.info("{}: warming up (at least {} s and {} answers, at most {} s), then measuring", id,
                warmup.minimum().toSeconds(), warmup.requests(), warmup.maximum().toSeconds());
        AtomicReference<Profiler> profiler = new AtomicReference<>();
        ClosedLoop loop = new ClosedLoop(driver, scenario, settings.clients(), settings.maxRequests());
        Outcome outcome = loop.run(warmup, settings.measured(), settings.drainTimeout(),
                () -> {
                    if (recording != null) {
                        profiler.set(Profiler.start(recording));
                    }
                },
                () -> {
                    if (profiler.get() != null) {
                        recordings.add(profiler.get().stop());
                    }
                });
        LOG.info(String.format(Locale.ROOT, "%s: %d answers, %d errors (%d in a warm-up of %d answers in %.1f s) in"
                        + " %.1f s: %.0f req/s; latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f", id, outcome.requests(),
                outcome.errors(), outcome.warmupErrors(), outcome.warmupRequests(), outcome.warmupSeconds(),
                outcome.seconds(), outcome.requestsPerSecond(), outcome.latency().p50Ms(),
                outcome.latency().p90Ms(), outcome.latency().p99Ms(), outcome.latency().maxMs()));
        return new RunReport.Target(id, description, outcome);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
