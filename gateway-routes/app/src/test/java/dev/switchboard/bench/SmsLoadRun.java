package dev.switchboard.bench;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.smsc.simulator.PhoneText;
import dev.switchboard.smsc.simulator.SmscSimulator;
import dev.switchboard.testing.TestGateways;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS round-trip benchmark: phones text the desk through the jSMPP SMSC simulator and each waits for its
 * answer before texting again (a closed loop of {@code bench.sms.window} phones, so that many deliver_sm and
 * as many submit_sm are in flight on the one bind). Every text comes from a new number, so every round trip
 * is a new customer in the hub: the text stored, answered from the knowledge base, the answer stored and
 * sent, its receipt applied to the thread. Measured, in one JVM on loopback:
 * <ol>
 *   <li>{@code echo}: the simulator and a bare jSMPP ESME that answers each text with itself (the baseline);</li>
 *   <li>{@code hub}: the simulator and a whole gateway bound to it.</li>
 * </ol>
 * Reports round trips per second and p50/p99 of the time from sending a text to its answer reaching the
 * phone, in {@code target/bench/sms-load.md}.
 *
 * <pre>
 * mvn -q -pl gateway-routes/app -Pbench-sms verify                       # 20 s per phase
 * mvn -q -pl gateway-routes/app -Pbench-sms verify -Dbench.sms.seconds=60  # the full minute
 * </pre>
 * Parameters: {@code bench.sms.seconds} (20), {@code bench.sms.warmup.seconds} (15), {@code bench.sms.window} (10),
 * {@code bench.sms.jfr} (false; true: the hub phase is profiled and where its time went is added to the report).
 */
public final class SmsLoadRun {
    private static final Logger LOG = LoggerFactory.getLogger("bench");
    private static final String DESK = "4357";
    private static final String[] QUESTIONS = {"What are your opening hours?", "How do I reset my password?",
        "Where can I find my bill?", "How much does roaming cost?", "Jakie są godziny otwarcia?"};

    private SmsLoadRun() {
    }

    record Result(String name, long roundTrips, double seconds, Latencies.Summary latency, long errors) {
        double perSecond() {
            return roundTrips / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.sms.seconds", 20);
        int warmup = Integer.getInteger("bench.sms.warmup.seconds", 15);
        int window = Integer.getInteger("bench.sms.window", 10);
        boolean jfr = Boolean.getBoolean("bench.sms.jfr");
        Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
        Files.createDirectories(out);

        if (jfr) {
            Profiler.prime();
        }
        Result echo;
        try (SmscSimulator smsc = SmscSimulator.start(0, "bench", "bench");
             EchoEsme ignored = new EchoEsme(smsc.port(), "bench", "bench", window)) {
            echo = run("echo", smsc, window, warmup, seconds, 1);
        }
        Result hub;
        List<String> profile = List.of();
        Path dataDir = Files.createTempDirectory("sms-bench");
        try (SmscSimulator smsc = SmscSimulator.start(0, "bench", "bench");
             Gateway gateway = TestGateways.start(dataDir, Map.of("switchboard.smpp.host", "127.0.0.1",
                     "switchboard.smpp.port", String.valueOf(smsc.port()), "switchboard.smpp.system-id", "bench",
                     "switchboard.smpp.password", "bench", "switchboard.smpp.send-rate", "0",
                     "switchboard.smpp.window", String.valueOf(window)))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!smsc.hasReceiver() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Profiler profiler = jfr ? Profiler.start(out.resolve("sms-load.jfr")) : null;
            hub = run("hub", smsc, window, warmup, seconds, 2);
            if (profiler != null) {
                profile = JfrHotSpots.summarize(profiler.stop(), "sms-load hub phase");
            }
        }
        String report = report(echo, hub, window) + String.join("\n", profile) + "\n";
        Files.writeString(out.resolve("sms-load.md"), report);
        LOG.info("\n{}", report);
    }

    private static Result run(String name, SmscSimulator smsc, int window, int warmupSeconds, int seconds, int phase)
            throws InterruptedException {
        Map<String, CompletableFuture<PhoneText>> waiting = new ConcurrentHashMap<>();
        smsc.onTextFromDesk(text -> {
            CompletableFuture<PhoneText> answer = waiting.remove(text.number());
            if (answer != null) {
                answer.complete(text);
            }
        });
        AtomicInteger numbers = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        Latencies latencies = new Latencies(2_000_000);
        AtomicInteger recorded = new AtomicInteger();
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = warmEnd + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> phones = new ArrayList<>();
        for (int p = 0; p < window; p++) {
            Thread phone = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String number = String.format("+48%d%08d", 50 + phase, numbers.incrementAndGet());
                    CompletableFuture<PhoneText> answer = new CompletableFuture<>();
                    waiting.put(number, answer);
                    long started = System.nanoTime();
                    try {
                        smsc.text(number, DESK, QUESTIONS[Math.floorMod(number.hashCode(), QUESTIONS.length)]);
                        answer.get(30, TimeUnit.SECONDS);
                        long took = System.nanoTime() - started;
                        if (started >= warmEnd && System.nanoTime() <= end) {
                            int slot = recorded.getAndIncrement();
                            if (slot < latencies.capacity()) {
                                latencies.set(slot, took);
                            }
                        }
                    } catch (Exception e) {
                        waiting.remove(number);
                        if (started >= warmEnd) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }, name + "-phone-" + p);
            phones.add(phone);
            phone.start();
        }
        for (Thread phone : phones) {
            phone.join();
        }
        smsc.forgetTexts();
        int count = recorded.get();
        Result result = new Result(name, count, seconds, latencies.summarize(count), errors.get());
        LOG.info("{}: {} round trips in {} s = {} /s, p50 {} ms, p99 {} ms, {} errors", name, count, seconds,
                String.format(Locale.ROOT, "%.0f", result.perSecond()), result.latency().p50Ms(), result.latency().p99Ms(),
                result.errors());
        return result;
    }

    private static String report(Result echo, Result hub, int window) {
        StringBuilder md = new StringBuilder();
        md.append("# SMS round trips (MO -> desk -> MT), ").append(LocalDate.now()).append("\n\n");
        md.append("Window ").append(window).append(" phones in a closed loop, ").append(String.format(Locale.ROOT, "%.0f", hub.seconds()))
                .append(" s measured per phase after warm-up, one JVM on loopback.\n\n");
        md.append("| phase | round trips/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|\n");
        for (Result r : List.of(echo, hub)) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %d |%n", r.name(), r.perSecond(),
                    r.latency().p50Ms(), r.latency().p99Ms(), r.errors()));
        }
        md.append(String.format(Locale.ROOT, "%nRatio hub/echo: %.3f%n", hub.perSecond() / echo.perSecond()));
        return md.toString();
    }

}
