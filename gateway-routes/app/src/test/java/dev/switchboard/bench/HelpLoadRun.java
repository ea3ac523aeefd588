package dev.switchboard.bench;

import dev.switchboard.bench.ClosedLoop.Outcome;
import dev.switchboard.bench.ClosedLoop.Scenario;
import dev.switchboard.bench.HttpDriver.Reply;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.TestGateways;
import dev.switchboard.testing.TwilioWebhooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 *   <li>{@code bare-wap}: the bare server answering {@code POST /wap/ask} with a fixed WML deck of the hub's (the WAP
 *       baseline);</li>
 *   <li>{@code hub-wap}: the gateway's WAP adapter, {@code POST /wap/ask} from a new WML phone every time: an
 *       anonymous customer, his conversation, an idempotency record and a WAP session each time, answered with a
 *       WML deck rendered to the deck budget.</li>
 *   <li>{@code bare-twilio}: the bare server at {@code POST /twilio/sms}, checking each webhook's signature with the
 *       Twilio SDK's RequestValidator and answering a fixed TwiML body of the hub's size (the Twilio baseline);</li>
 *   <li>{@code hub-twilio}: the gateway with the Twilio channel on (its REST API pointed at a closed port: nothing is
 *       sent), signed SMS webhooks {@code POST /twilio/sms} from a new number every time, each with its own
 *       MessageSid: signature checked, customer, address link, conversation and idempotency record written, TwiML
 *       answer.</li>
 * </ol>
 * {@code bench.scenarios} picks {@code api} (the first three), {@code wap} (the next two), {@code twilio} (the last
 * two), or a comma-separated list of them; the default is {@code api,wap}. {@code floor} adds, beside {@code bare},
 * {@code floor-hazelcast}: the bare servlet plus only the Hazelcast map writes a new customer needs
 * ({@link HazelcastFloor}), a ceiling for the hub on this machine.
 * Reports answers, errors, throughput, latency percentiles and the hub/bare ratio through the {@code bench}
 * logger and in {@code target/bench/help-load.md} and {@code .json}. A run with errors is flagged and exits 2.
 *
 * <p>Run it (the tests are skipped in the {@code bench} profile; it never runs in a plain {@code mvn verify}):
 * <pre>
 * mvn -q -pl gateway-routes/app -Pbench verify
 * mvn -pl gateway-routes/app -Pbench test-compile exec:exec     # quicker: no jar, no shade
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
 * <p>{@code mvn -pl gateway-routes/app -Pbench exec:exec -Dbench.analyze=target/bench/hub-new.jfr} only summarises an
 * existing recording, as in the report.
 *
 * <p>The load generator shares the cores with the servers: on a 2-core machine its own work is a large part of
 * the bare figure. It is a benchmark, not a test: it asserts nothing but that every answer was a 2xx.
 */
public final class HelpLoadRun {
    private static final Logger LOG = LoggerFactory.getLogger("bench");
    /** The Twilio issue's target: signed webhooks per second through the hub. */
    private static final int TWILIO_TARGET_PER_SECOND = 1_000;
    /** Where the Twilio channel's REST API is said to be: a closed port, so that nothing leaves loopback. */
    private static final String UNREACHABLE_TWILIO_API = "http://127.0.0.1:9";
    private static final String HAZELCAST_FLOOR = "/floor/hazelcast";
    private static final String DURABLE_FLOOR = "/floor/durable";

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
        try (HttpDriver driver = HttpDriver.create(settings.client(), settings.clients())) {
            report = new RunReport(settings, driver.name());
            report.note("Code measured", SourceVersion.describe());
            LOG.info("Help-load benchmark: {} clients; per target a warm-up of at least {} s and {} answers (at most {} s),"
                    + " then at most {} s or {} answers; client {}", settings.clients(), settings.warmup().toSeconds(),
                    settings.warmupRequests(), settings.warmupMax().toSeconds(), settings.measured().toSeconds(),
                    settings.maxRequests(), driver.name());
            LOG.info("Machine: {}", RunReport.machine());

            boolean api = settings.scenarios().contains(BenchSettings.API);
            boolean wap = settings.scenarios().contains(BenchSettings.WAP);
            boolean twilio = settings.scenarios().contains(BenchSettings.TWILIO);
            boolean floor = settings.scenarios().contains(BenchSettings.FLOOR);
            try (HazelcastFloor hazelcastFloor = floor ? HazelcastFloor.start() : null;
                 DurableStateFloor durableFloor = floor ? DurableStateFloor.open() : null;
                 BareServer bare = BareServer.start(floor
                         ? Map.of(HAZELCAST_FLOOR, hazelcastFloor.servlet(), DURABLE_FLOOR, durableFloor.servlet())
                         : Map.of())) {
                if (api || floor) {
                    report.add(measure(settings, driver, "bare", "Bare Jetty servlet, POST /api/help (fixed 201 JSON)",
                            Scenarios.newVisitors(bare.baseUri().resolve("/api/help"), runId), warmup, null, recordings, null));
                }
                if (floor) {
                    report.add(measure(settings, driver, "floor-hazelcast", "Floor: the bare servlet plus a new"
                                    + " customer's three Hazelcast map writes (nothing durable, no hub)",
                            Scenarios.newVisitors(bare.baseUri().resolve(HAZELCAST_FLOOR), runId), warmup, null,
                            recordings, "bare"));
                    report.add(measure(settings, driver, "floor-durable", "Floor: the bare servlet plus the hub's own"
                                    + " durable state writes for a new customer (journal, H2; no routes)",
                            Scenarios.newVisitors(bare.baseUri().resolve(DURABLE_FLOOR), runId), warmup,
                            settings.jfr() ? out.resolve("floor-durable.jfr") : null, recordings, "bare"));
                }
                if (wap) {
                    report.add(measure(settings, driver, "bare-wap", "Bare Jetty servlet, POST /wap/ask (fixed WML deck)",
                            Scenarios.newPhones(bare.baseUri().resolve("/wap/ask"), runId), warmup, null, recordings, null));
                }
                if (twilio) {
                    report.add(measure(settings, driver, "bare-twilio", "Bare Jetty servlet, signed POST /twilio/sms"
                                    + " (signature checked, fixed TwiML)",
                            Scenarios.twilioWebhooks(bare.baseUri().resolve("/twilio/sms"), runId), warmup, null,
                            recordings, null));
                }
            }

            if (api || wap || twilio) {
                Path dataDir = Files.createTempDirectory("switchboard-bench-");
                try {
                    Map<String, String> overrides = twilio ? TwilioWebhooks.settings(UNREACHABLE_TWILIO_API) : Map.of();
                    try (Gateway gateway = TestGateways.start(dataDir, overrides)) {
                        report.note("Gateway", "TestGateways.start on a fresh temporary data directory (embedded H2 file,"
                                + " a journal in front of it; one Hazelcast member)" + (twilio ? ", the Twilio channel on" : "")
                                + ", started in " + gateway.startupTime().toMillis() + " ms");
                        if (api) {
                            measureApi(settings, driver, gateway, runId, report, warmup, out, recordings);
                        }
                        if (wap) {
                            Reply probe = driver.sendAndWait(Scenarios.newPhones(gateway.baseUri().resolve("/wap/ask"),
                                    runId + "probe").next(0));
                            String deck = new String(probe.body(), java.nio.charset.StandardCharsets.UTF_8);
                            if (!probe.ok() || !deck.contains("<wml>") || deck.contains("Sorry:")) {
                                throw new IllegalStateException("the gateway does not answer a WML phone: " + probe.describe());
                            }
                            report.note("Hub WML deck for a new phone", probe.body().length + " bytes (baseline deck: "
                                    + BareServer.WML_DECK.length + " bytes)");
                            report.add(measure(settings, driver, "hub-wap", "Hub, WML answer deck for a new phone (POST /wap/ask)",
                                    Scenarios.newPhones(gateway.baseUri().resolve("/wap/ask"), runId), warmup,
                                    settings.jfr() ? out.resolve("hub-wap.jfr") : null, recordings, "bare-wap"));
                        }
                        if (twilio) {
                            measureTwilio(settings, driver, gateway, runId, report, warmup, out, recordings);
                        }
                    }
                } finally {
                    TempDirs.deleteRecursively(dataDir);
                }
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

    /** The customer JSON API: new customers, then returning customers' follow-ups, each against the JSON baseline. */
    private static void measureApi(BenchSettings settings, HttpDriver driver, Gateway gateway, String runId,
                                   RunReport report, ClosedLoop.Warmup warmup, Path out, List<Path> recordings)
            throws Exception {
        Reply probe = driver.sendAndWait(new HttpDriver.BenchRequest(gateway.baseUri().resolve("/api/help"),
                Scenarios.helpBody("What are your opening hours?", "bench-" + runId + "-probe"), null));
        if (!probe.ok()) {
            throw new IllegalStateException("the gateway does not answer: " + probe.describe());
        }
        report.note("Hub answer to a new visitor", probe.body().length + " bytes (baseline body: "
                + BareServer.BODY.length + " bytes)");
        report.add(measure(settings, driver, "hub-new", "Hub, new customer per request (POST /api/help)",
                Scenarios.newVisitors(gateway.baseUri().resolve("/api/help"), runId), warmup,
                settings.jfr() ? out.resolve("hub-new.jfr") : null, recordings, "bare"));

        Scenario followUps = Scenarios.followUps(driver, gateway.baseUri(), settings.clients(), runId);
        RunReport.Target followUp = measure(settings, driver, "hub-follow-up",
                "Hub, returning customer follow-up (POST /api/conversations/{id}/messages)", followUps,
                new ClosedLoop.Warmup(settings.followUpWarmup(), 0, settings.followUpWarmup()),
                settings.jfr() ? out.resolve("hub-follow-up.jfr") : null, recordings, "bare");
        report.add(followUp);
        long atStart = 2 + 2L * followUp.outcome().warmupRequests() / settings.clients();
        long atEnd = atStart + 2L * followUp.outcome().requests() / settings.clients();
        report.note("Follow-up conversations", "about " + atStart + " messages each when the measured phase"
                + " started, " + atEnd + " at its end (each follow-up appends a question and an answer; a"
                + " conversation is one IMap value, read and written whole)");
    }

    /** Twilio's signed SMS webhooks from new numbers, against the bare signature check. */
    private static void measureTwilio(BenchSettings settings, HttpDriver driver, Gateway gateway, String runId,
                                      RunReport report, ClosedLoop.Warmup warmup, Path out, List<Path> recordings)
            throws Exception {
        // the probe is the scenario's first webhook, so the measured ones still come from numbers never seen
        Scenario webhooks = Scenarios.twilioWebhooks(gateway.baseUri().resolve("/twilio/sms"), runId);
        Reply probe = driver.sendAndWait(webhooks.next(0));
        String twiml = new String(probe.body(), java.nio.charset.StandardCharsets.UTF_8);
        if (!probe.ok() || !twiml.contains("<Message>")) {
            throw new IllegalStateException("the gateway does not answer a signed Twilio webhook: " + probe.describe());
        }
        report.note("Hub TwiML answer to a new number", probe.body().length + " bytes (baseline body: "
                + BareServer.TWIML_BODY.length + " bytes)");
        RunReport.Target hub = measure(settings, driver, "hub-twilio", "Hub, signed Twilio SMS webhook from a new"
                        + " number (POST /twilio/sms)", webhooks, warmup,
                settings.jfr() ? out.resolve("hub-twilio.jfr") : null, recordings, "bare-twilio");
        report.add(hub);
        double rate = hub.outcome().requestsPerSecond();
        report.note("Twilio target", String.format(Locale.ROOT, ">= %,d signed webhooks/s through the hub: %,.0f/s %s",
                TWILIO_TARGET_PER_SECOND, rate, rate >= TWILIO_TARGET_PER_SECOND ? "(met)" : "(MISSED)"));
    }

    private static RunReport.Target measure(BenchSettings settings, HttpDriver driver, String id, String description,
                                            Scenario scenario, ClosedLoop.Warmup warmup, Path recording,
                                            List<Path> recordings, String baselineId) throws InterruptedException {
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
        return new RunReport.Target(id, description, outcome, baselineId);
    }
}
