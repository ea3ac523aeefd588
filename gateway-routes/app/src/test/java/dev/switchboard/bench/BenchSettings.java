package dev.switchboard.bench;

import java.time.Duration;

/**
 * The parameters of one {@link HelpLoadRun}, read from system properties.
 *
 * @param clients        concurrent closed-loop clients ({@code bench.clients}, default 64)
 * @param measured       the measured phase's time limit ({@code bench.seconds}, default 20)
 * @param maxRequests    the measured phase's request limit ({@code bench.requests}, default 200,000)
 * @param warmup         the shortest unmeasured warm-up before each measured phase ({@code bench.warmup.seconds},
 *                       default 20: on 2 cores the bare server's throughput still doubles between 5 s and 20 s,
 *                       while the JIT compiles Jetty's and the client's paths)
 * @param warmupRequests the fewest answers in the warm-up ({@code bench.warmup.requests}, default 20,000): the hub
 *                       needs tens of thousands of requests before the JIT has compiled its path (its throughput
 *                       was 120 req/s after a 5 s warm-up, 630 req/s after 90 s)
 * @param warmupMax      the longest warm-up, whatever the count ({@code bench.warmup.max.seconds}, default 90; never
 *                       below {@code bench.warmup.seconds})
 * @param followUpWarmup the warm-up of the follow-up phase ({@code bench.followups.warmup.seconds}, default 5): it runs
 *                       after the new-customer phase, so the JIT is warm, and every follow-up makes the conversations
 *                       longer
 * @param client         the HTTP client of the load generator: {@code jetty} (default) or {@code jdk}
 * @param jfr            whether to record the hub's measured phases with Java Flight Recorder and summarise
 *                       where the time went ({@code bench.jfr}, default false)
 * @param outputDir      where the results go ({@code bench.out}, default {@code target/bench})
 * @param drainTimeout   how long to wait for the requests still in flight when a phase ends
 * @param scenarios      which loads to run ({@code bench.scenarios}, default {@code api,wap}): {@code api} the customer
 *                       JSON API (new customers, then follow-ups), {@code wap} WML answer decks for new phones,
 *                       {@code twilio} (only when named) signed Twilio SMS webhooks from new numbers; each beside its
 *                       own bare baseline; {@code floor} (only when named) the {@link HazelcastFloor} beside the JSON
 *                       baseline
 */
record BenchSettings(int clients, Duration measured, int maxRequests, Duration warmup, int warmupRequests,
                     Duration warmupMax, Duration followUpWarmup, String client, boolean jfr, String outputDir, Duration drainTimeout,
                     java.util.Set<String> scenarios) {

    static final String API = "api";
    static final String WAP = "wap";
    static final String TWILIO = "twilio";
    static final String FLOOR = "floor";
    static final String DEFAULT_SCENARIOS = API + "," + WAP;

    static final int DEFAULT_CLIENTS = 64;
    static final int DEFAULT_SECONDS = 20;
    static final int DEFAULT_REQUESTS = 200_000;
    static final int DEFAULT_WARMUP_SECONDS = 20;
    static final int DEFAULT_WARMUP_REQUESTS = 20_000;
    static final int DEFAULT_WARMUP_MAX_SECONDS = 90;
    static final int DEFAULT_FOLLOW_UP_WARMUP_SECONDS = 5;

    BenchSettings {
        if (clients < 1 || clients > 10_000) {
            throw new IllegalArgumentException("bench.clients must be 1..10000, was " + clients);
        }
        if (measured.isNegative() || measured.isZero() || measured.toSeconds() > 3_600) {
            throw new IllegalArgumentException("bench.seconds must be 1..3600, was " + measured.toSeconds());
        }
        if (maxRequests < 1 || maxRequests > 50_000_000) {
            throw new IllegalArgumentException("bench.requests must be 1..50000000, was " + maxRequests);
        }
        if (warmup.isNegative() || warmup.toSeconds() > 600) {
            throw new IllegalArgumentException("bench.warmup.seconds must be 0..600, was " + warmup.toSeconds());
        }
        if (warmupRequests < 0) {
            throw new IllegalArgumentException("bench.warmup.requests must be >= 0, was " + warmupRequests);
        }
        if (warmupMax.compareTo(warmup) < 0 || warmupMax.toSeconds() > 600) {
            throw new IllegalArgumentException("bench.warmup.max.seconds must be bench.warmup.seconds..600, was "
                    + warmupMax.toSeconds());
        }
        if (followUpWarmup.isNegative() || followUpWarmup.toSeconds() > 600) {
            throw new IllegalArgumentException("bench.followups.warmup.seconds must be 0..600, was "
                    + followUpWarmup.toSeconds());
        }
        if (!client.equals("jetty") && !client.equals("jdk")) {
            throw new IllegalArgumentException("bench.client must be jetty or jdk, was " + client);
        }
        scenarios = java.util.Set.copyOf(scenarios);
        if (scenarios.isEmpty() || !java.util.Set.of(API, WAP, TWILIO, FLOOR).containsAll(scenarios)) {
            throw new IllegalArgumentException("bench.scenarios must name some of api, wap, twilio and floor, was "
                    + scenarios);
        }
    }

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Integer.getInteger("bench.clients", DEFAULT_CLIENTS),
                Duration.ofSeconds(Integer.getInteger("bench.seconds", DEFAULT_SECONDS)),
                Integer.getInteger("bench.requests", DEFAULT_REQUESTS),
                Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", DEFAULT_WARMUP_SECONDS)),
                Integer.getInteger("bench.warmup.requests", DEFAULT_WARMUP_REQUESTS),
                Duration.ofSeconds(Math.max(Integer.getInteger("bench.warmup.max.seconds", DEFAULT_WARMUP_MAX_SECONDS),
                        Integer.getInteger("bench.warmup.seconds", DEFAULT_WARMUP_SECONDS))),
                Duration.ofSeconds(Integer.getInteger("bench.followups.warmup.seconds", DEFAULT_FOLLOW_UP_WARMUP_SECONDS)),
                System.getProperty("bench.client", "jetty").trim().toLowerCase(java.util.Locale.ROOT),
                Boolean.parseBoolean(System.getProperty("bench.jfr", "false").trim()),
                System.getProperty("bench.out", "target/bench"),
                Duration.ofSeconds(30),
                java.util.Arrays.stream(System.getProperty("bench.scenarios", DEFAULT_SCENARIOS).split(","))
                        .map(String::trim).filter(name -> !name.isEmpty()).collect(java.util.stream.Collectors.toSet()));
    }

    /** The parameters that differ from the defaults, as {@code -D} options, for the command in the report. */
    String nonDefaultOptions() {
        StringBuilder options = new StringBuilder();
        if (clients != DEFAULT_CLIENTS) {
            options.append(" -Dbench.clients=").append(clients);
        }
        if (measured.toSeconds() != DEFAULT_SECONDS) {
            options.append(" -Dbench.seconds=").append(measured.toSeconds());
        }
        if (maxRequests != DEFAULT_REQUESTS) {
            options.append(" -Dbench.requests=").append(maxRequests);
        }
        if (warmup.toSeconds() != DEFAULT_WARMUP_SECONDS) {
            options.append(" -Dbench.warmup.seconds=").append(warmup.toSeconds());
        }
        if (warmupRequests != DEFAULT_WARMUP_REQUESTS) {
            options.append(" -Dbench.warmup.requests=").append(warmupRequests);
        }
        if (warmupMax.toSeconds() != Math.max(DEFAULT_WARMUP_MAX_SECONDS, warmup.toSeconds())) {
            options.append(" -Dbench.warmup.max.seconds=").append(warmupMax.toSeconds());
        }
        if (followUpWarmup.toSeconds() != DEFAULT_FOLLOW_UP_WARMUP_SECONDS) {
            options.append(" -Dbench.followups.warmup.seconds=").append(followUpWarmup.toSeconds());
        }
        if (!client.equals("jetty")) {
            options.append(" -Dbench.client=").append(client);
        }
        if (jfr) {
            options.append(" -Dbench.jfr=true");
        }
        if (!scenarios.equals(java.util.Set.of(API, WAP))) {
            options.append(" -Dbench.scenarios=").append(String.join(",", new java.util.TreeSet<>(scenarios)));
        }
        return options.toString();
    }
}
