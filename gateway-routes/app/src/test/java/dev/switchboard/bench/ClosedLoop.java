package dev.switchboard.bench;

import dev.switchboard.bench.HttpDriver.BenchRequest;
import dev.switchboard.bench.HttpDriver.Reply;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A closed-loop load generator: {@code clients} virtual clients, each sending its next request only when
 * the answer to its previous one is complete. One run is a warm-up (not measured) of at least a time and a
 * number of answers, at most a longer time; then a measured phase that ends after {@code maxRequests}
 * answers or when its time limit is up, whichever comes first; then no client sends again and the requests
 * still in flight are awaited (bounded). Phases are switched by a scheduled timer or by the answer that
 * reaches a count; nothing sleeps.
 *
 * <p>An answer is measured when it arrives during the measured phase. A status outside 2xx, or a failed
 * exchange, is an error: counted, never a latency sample.
 */
final class ClosedLoop {
    private static final Logger LOG = LoggerFactory.getLogger("bench");
    private static final long FAILURE_BACKOFF_MILLIS = 10;

    /** Makes client {@code client}'s next request. Called on client threads; must be thread-safe across clients. */
    interface Scenario {
        BenchRequest next(int client);
    }

    /** The warm-up: at least {@code minimum} and {@code requests} answers, at most {@code maximum}. */
    record Warmup(Duration minimum, int requests, Duration maximum) {
    }

    private enum Phase { WARMUP, MEASURE, DONE }

    /**
     * What one run produced; {@code perSecond} holds the answers of each second of the measured phase, and
     * {@code cpu} who used the cores meanwhile.
     */
    record Outcome(int requests, int errors, int warmupRequests, int warmupErrors, double warmupSeconds,
                   double seconds, double requestsPerSecond, Latencies.Summary latency, long responseBytes,
                   String firstError, boolean drained, boolean endedByCount, int[] perSecond, MachineCpu.Use cpu) {
    }

    private final HttpDriver driver;
    private final Scenario scenario;
    private final int clients;
    private final Latencies latencies;
    private final AtomicInteger measured = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger warmupRequests = new AtomicInteger();
    private final AtomicInteger warmupErrors = new AtomicInteger();
    private final AtomicLong responseBytes = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.WARMUP);
    private final AtomicBoolean warmupTimeDone = new AtomicBoolean();
    private final CountDownLatch measuring = new CountDownLatch(1);
    private final CountDownLatch stopped;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-phase-timer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile AtomicIntegerArray perSecond = new AtomicIntegerArray(0);
    private volatile int warmupTarget;
    private volatile Duration limit;
    private volatile Runnable onMeasureStart;
    private volatile long runStart;
    private volatile long measureStart;
    private volatile long measureEnd;
    private volatile boolean endedByCount;
    private volatile MachineCpu.Snapshot cpuAtStart;
    private final java.util.concurrent.CompletableFuture<MachineCpu.Snapshot> cpuAtEnd =
            new java.util.concurrent.CompletableFuture<>();

    ClosedLoop(HttpDriver driver, Scenario scenario, int clients, int maxRequests) {
        this.driver = driver;
        this.scenario = scenario;
        this.clients = clients;
        this.latencies = new Latencies(maxRequests);
        this.stopped = new CountDownLatch(clients);
    }

    /**
     * Runs the warm-up and the measured phase.
     *
     * @param onMeasureStart called when the measured phase starts (e.g. to start a recording)
     * @param onMeasureEnd   called when it has ended and the requests in flight are done
     */
    Outcome run(Warmup warmup, Duration measuredLimit, Duration drainTimeout, Runnable onMeasureStart,
                Runnable onMeasureEnd) throws InterruptedException {
        this.limit = measuredLimit;
        this.warmupTarget = warmup.requests();
        this.onMeasureStart = onMeasureStart;
        this.perSecond = new AtomicIntegerArray((int) measuredLimit.toSeconds() + 2);
        try {
            runStart = System.nanoTime();
            timer.schedule(() -> {
                warmupTimeDone.set(true);
                if (warmupRequests.get() >= warmupTarget) {
                    startMeasuring();
                }
            }, warmup.minimum().toNanos(), TimeUnit.NANOSECONDS);
            timer.schedule(this::startMeasuring, warmup.maximum().toNanos(), TimeUnit.NANOSECONDS);
            for (int client = 0; client < clients; client++) {
                sendNext(client);
            }
            measuring.await();
            boolean drained = stopped.await(measuredLimit.plus(drainTimeout).toMillis(), TimeUnit.MILLISECONDS);
            if (!drained) {
                finish(System.nanoTime(), false);
                drained = stopped.await(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            MachineCpu.Use cpu;
            try {
                cpu = MachineCpu.between(cpuAtStart, cpuAtEnd.get(5, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                cpu = MachineCpu.Use.UNKNOWN;
            }
            onMeasureEnd.run();
            int count = Math.min(measured.get(), latencies.capacity());
            double seconds = (measureEnd - measureStart) / 1e9;
            int full = (int) Math.floor(seconds);
            int[] seconds1 = new int[Math.min(full, perSecond.length())];
            for (int i = 0; i < seconds1.length; i++) {
                seconds1[i] = perSecond.get(i);
            }
            return new Outcome(count, errors.get(), warmupRequests.get(), warmupErrors.get(),
                    (measureStart - runStart) / 1e9, seconds, count / seconds, latencies.summarize(count),
                    count == 0 ? 0 : responseBytes.get() / count, firstError.get(), drained, endedByCount, seconds1,
                    cpu);
        } finally {
            timer.shutdownNow();
        }
    }

    private void startMeasuring() {
        synchronized (phase) {
            if (phase.get() != Phase.WARMUP) {
                return;
            }
            onMeasureStart.run();
            cpuAtStart = MachineCpu.snapshot();
            measureStart = System.nanoTime();
            phase.set(Phase.MEASURE);
        }
        measuring.countDown();
        timer.schedule(() -> finish(System.nanoTime(), false), limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void finish(long now, boolean byCount) {
        if (phase.compareAndSet(Phase.MEASURE, Phase.DONE)) {
            measureEnd = now;
            endedByCount = byCount;
            timer.execute(() -> cpuAtEnd.complete(MachineCpu.snapshot()));
        }
    }

    private void sendNext(int client) {
        if (phase.get() == Phase.DONE) {
            stopped.countDown();
            return;
        }
        BenchRequest request;
        try {
            request = scenario.next(client);
        } catch (RuntimeException e) {
            firstError.compareAndSet(null, "scenario failed: " + e);
            errors.incrementAndGet();
            stopped.countDown();
            return;
        }
        long started = System.nanoTime();
        driver.send(request, reply -> {
            long now = System.nanoTime();
            record(reply, now - started, now);
            if (reply.failure() == null) {
                sendNext(client);
            } else {
                // A failed exchange may be reported on the sending thread: back off instead of recursing.
                timer.schedule(() -> sendNext(client), FAILURE_BACKOFF_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void record(Reply reply, long latency, long now) {
        Phase current = phase.get();
        if (current == Phase.WARMUP) {
            int answers = warmupRequests.incrementAndGet();
            if (!reply.ok()) {
                warmupErrors.incrementAndGet();
                noteError(reply, "warm-up");
            }
            if (answers == warmupTarget && warmupTimeDone.get()) {
                timer.execute(this::startMeasuring);
            }
        } else if (current == Phase.MEASURE) {
            int index = measured.getAndIncrement();
            if (index >= latencies.capacity()) {
                return;
            }
            int second = (int) ((now - measureStart) / 1_000_000_000L);
            if (second >= 0 && second < perSecond.length()) {
                perSecond.incrementAndGet(second);
            }
            if (reply.ok()) {
                latencies.set(index, Math.max(1, latency));
                responseBytes.addAndGet(reply.body().length);
            } else {
                errors.incrementAndGet();
                noteError(reply, "measured");
            }
            if (index == latencies.capacity() - 1) {
                finish(now, true);
            }
        }
    }

    private void noteError(Reply reply, String when) {
        if (firstError.compareAndSet(null, when + ": " + reply.describe())) {
            LOG.warn("First error ({}): {}", when, reply.describe());
        }
    }
}
