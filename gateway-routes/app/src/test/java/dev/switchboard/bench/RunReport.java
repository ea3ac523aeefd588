package dev.switchboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of one run, as log lines, {@code help-load.md} and {@code help-load.json}. */
final class RunReport {
    static final String COMMAND = "mvn -q -pl gateway-routes/app -am -DskipTests -Pbench verify";
    static final double TARGET_RATIO = 0.5;
    static final double TARGET_P99_MS = 20.0;
    /** Other processes' share of all cores above which a phase is marked disturbed. */
    static final double DISTURBED_PERCENT = 10.0;

    /**
     * One measured target.
     *
     * @param baselineId the id of the target measured as its baseline in the same run, or {@code null} for a baseline
     */
    record Target(String id, String description, ClosedLoop.Outcome outcome, String baselineId) {
    }

    private final BenchSettings settings;
    private final String clientName;
    private final OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final List<String> profiles = new ArrayList<>();

    RunReport(BenchSettings settings, String clientName) {
        this.settings = settings;
        this.clientName = clientName;
    }

    void add(Target target) {
        targets.add(target);
    }

    void note(String key, String value) {
        notes.put(key, value);
    }

    void profile(List<String> markdown) {
        profiles.addAll(markdown);
    }

    String command() {
        return COMMAND + settings.nonDefaultOptions();
    }

    private Target target(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    boolean hasErrors() {
        return targets.stream().anyMatch(t -> t.outcome().errors() > 0 || t.outcome().warmupErrors() > 0
                || !t.outcome().drained());
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores (shared by the load generator, the bare server and "
                + "the gateway: one JVM), Java " + System.getProperty("java.vm.version") + " "
                + System.getProperty("java.vm.name") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
    }

    /** The table of all targets and, per hub target, its row for docs/performance.md. */
    List<String> markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("# Switchboard help-load benchmark, " + started.withNano(0));
        lines.add("");
        lines.add("- Command: `" + command() + "`");
        lines.add("- Machine: " + machine() + "; loopback 127.0.0.1 only. The machine is noisy: compare runs, not digits.");
        lines.add("- Load: closed loop, " + settings.clients() + " concurrent clients, each waiting for its answer before"
                + " sending again; per target a warm-up (not measured) of at least " + settings.warmup().toSeconds()
                + " s and " + settings.warmupRequests() + " answers, at most " + settings.warmupMax().toSeconds()
                + " s (follow-ups: " + settings.followUpWarmup().toSeconds() + " s, on the gateway the new-customer"
                + " phase warmed); then at most " + settings.measured().toSeconds() + " s or " + settings.maxRequests()
                + " answers.");
        lines.add("- Client: " + clientName + ", one connection per client.");
        notes.forEach((key, value) -> lines.add("- " + key + ": " + value));
        lines.add("");
        lines.add("| Target | Answers | Errors | Throughput (req/s) | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | mean ms |"
                + " Response bytes | Seconds | Ended by |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Target target : targets) {
            ClosedLoop.Outcome o = target.outcome();
            Latencies.Summary l = o.latency();
            lines.add(String.format(Locale.ROOT,
                    "| %s | %d | %d%s | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %.1f | %s |",
                    target.description(), o.requests(), o.errors(),
                    o.warmupErrors() > 0 ? " (+" + o.warmupErrors() + " in warm-up)" : "", o.requestsPerSecond(),
                    l.p50Ms(), l.p90Ms(), l.p99Ms(), l.p999Ms(), l.maxMs(), l.meanMs(), o.responseBytes(), o.seconds(),
                    o.endedByCount() ? "count" : "time"));
        }
        lines.add("");
        lines.add("Warm-up and answers per second of the measured phase (min / median / max; first 3 s, last 3 s):");
        lines.add("");
        for (Target target : targets) {
            ClosedLoop.Outcome o = target.outcome();
            lines.add(String.format(Locale.ROOT, "- %s: warm-up %d answers in %.1f s; per second %s; CPU of all cores:"
                            + " this JVM %.0f%%, kernel softirq (loopback TCP) %.0f%%, other processes %.0f%%, steal"
                            + " %.0f%%%s", target.id(), o.warmupRequests(), o.warmupSeconds(), timeline(o.perSecond()),
                    o.cpu().thisJvm(), o.cpu().softirq(), o.cpu().otherProcesses(), o.cpu().steal(),
                    disturbed(o) ? " (DISTURBED: other processes competed for the cores)" : ""));
        }
        lines.add("");
        if (hasErrors()) {
            lines.add("**FLAGGED: this run had errors or requests that never completed; its figures are not valid.**");
            targets.stream().filter(t -> t.outcome().firstError() != null).forEach(t ->
                    lines.add("- " + t.id() + ", first error: `" + t.outcome().firstError().replace('`', '\'') + "`"));
            lines.add("");
        }
        if (anyDisturbed()) {
            lines.add("**DISTURBED: other processes (or the hypervisor's steal) took more than " + (int) DISTURBED_PERCENT
                    + "% of the cores during a measured phase; run again on a quiet machine before quoting these figures.**");
            lines.add("");
        }
        lines.add("Rows for docs/performance.md:");
        lines.add("");
        lines.add("| Figure | Baseline | Ratio | p99 | Date | Command |");
        lines.add("|---|---|---:|---:|---|---|");
        for (Target target : targets) {
            Target bare = baselineOf(target);
            if (bare != null) {
                lines.add(readmeRow(target, bare));
            }
        }
        lines.add("");
        lines.add("Targets (" + settings.clients() + " clients): hub/bare >= " + TARGET_RATIO + " and hub p99 <= "
                + TARGET_P99_MS + " ms.");
        for (Target target : targets) {
            Target bare = baselineOf(target);
            if (bare == null) {
                continue;
            }
            double ratio = ratio(target, bare);
            double p99 = target.outcome().latency().p99Ms();
            lines.add(String.format(Locale.ROOT, "- %s: ratio %.3f %s, p99 %.1f ms %s", target.description(), ratio,
                    ratio >= TARGET_RATIO ? "(met)" : "(MISSED)", p99, p99 <= TARGET_P99_MS ? "(met)" : "(MISSED)"));
        }
        lines.add("");
        lines.addAll(profiles);
        return lines;
    }

    /** Whether other processes took a noticeable share of the cores during the measured phase. */
    static boolean disturbed(ClosedLoop.Outcome outcome) {
        return outcome.cpu().otherProcesses() + Math.max(0, outcome.cpu().steal()) > DISTURBED_PERCENT;
    }

    boolean anyDisturbed() {
        return targets.stream().anyMatch(t -> disturbed(t.outcome()));
    }

    private static String timeline(int[] perSecond) {
        if (perSecond.length == 0) {
            return "(under a second)";
        }
        int[] sorted = perSecond.clone();
        java.util.Arrays.sort(sorted);
        int edge = Math.min(3, perSecond.length);
        return sorted[0] + " / " + sorted[sorted.length / 2] + " / " + sorted[sorted.length - 1] + "; "
                + java.util.Arrays.toString(java.util.Arrays.copyOfRange(perSecond, 0, edge)) + " ... "
                + java.util.Arrays.toString(java.util.Arrays.copyOfRange(perSecond, perSecond.length - edge,
                perSecond.length));
    }

    private Target baselineOf(Target target) {
        return target.baselineId() == null ? null : target(target.baselineId());
    }

    private String readmeRow(Target target, Target bare) {
        return String.format(Locale.ROOT, "| %s: %,.0f req/s | %s: %,.0f req/s | %.3f |"
                        + " %.1f ms | %s | `%s` |",
                target.description(), target.outcome().requestsPerSecond(), bare.description(),
                bare.outcome().requestsPerSecond(),
                ratio(target, bare), target.outcome().latency().p99Ms(), LocalDate.now(ZoneOffset.UTC), command());
    }

    private static double ratio(Target target, Target bare) {
        double baseline = bare.outcome().requestsPerSecond();
        return baseline == 0 ? 0 : target.outcome().requestsPerSecond() / baseline;
    }

    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("started", started.toString());
        root.put("command", command());
        root.put("machine", machine());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("client", clientName);
        root.put("clients", settings.clients());
        root.put("warmupMinSeconds", settings.warmup().toSeconds());
        root.put("warmupMinRequests", settings.warmupRequests());
        root.put("warmupMaxSeconds", settings.warmupMax().toSeconds());
        root.put("followUpWarmupSeconds", settings.followUpWarmup().toSeconds());
        root.put("maxSeconds", settings.measured().toSeconds());
        root.put("maxRequests", settings.maxRequests());
        root.put("flagged", hasErrors());
        root.put("disturbed", anyDisturbed());
        root.put("notes", notes);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Target target : targets) {
            ClosedLoop.Outcome o = target.outcome();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", target.id());
            entry.put("description", target.description());
            entry.put("requests", o.requests());
            entry.put("errors", o.errors());
            entry.put("warmupRequests", o.warmupRequests());
            entry.put("warmupErrors", o.warmupErrors());
            entry.put("warmupSeconds", o.warmupSeconds());
            entry.put("seconds", o.seconds());
            entry.put("requestsPerSecond", o.requestsPerSecond());
            entry.put("latencyMs", latencyJson(o.latency()));
            entry.put("meanResponseBytes", o.responseBytes());
            entry.put("endedBy", o.endedByCount() ? "count" : "time");
            entry.put("answersPerSecond", o.perSecond());
            entry.put("cpuPercentThisJvm", o.cpu().thisJvm());
            entry.put("cpuPercentSoftirq", o.cpu().softirq());
            entry.put("cpuPercentOtherProcesses", o.cpu().otherProcesses());
            entry.put("cpuPercentSteal", o.cpu().steal());
            entry.put("disturbed", disturbed(o));
            entry.put("drained", o.drained());
            entry.put("firstError", o.firstError());
            Target bare = baselineOf(target);
            if (bare != null) {
                entry.put("ratioToBare", ratio(target, bare));
                entry.put("meetsRatioTarget", ratio(target, bare) >= TARGET_RATIO);
                entry.put("meetsP99Target", o.latency().p99Ms() <= TARGET_P99_MS);
            }
            list.add(entry);
        }
        root.put("targets", list);
        return root;
    }

    private static Map<String, Object> latencyJson(Latencies.Summary l) {
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("samples", l.samples());
        latency.put("mean", l.meanMs());
        latency.put("p50", l.p50Ms());
        latency.put("p90", l.p90Ms());
        latency.put("p99", l.p99Ms());
        latency.put("p999", l.p999Ms());
        latency.put("max", l.maxMs());
        return latency;
    }

    /** Writes {@code help-load.md} and {@code help-load.json} to {@code dir}. */
    List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path md = dir.resolve("help-load.md");
        Path json = dir.resolve("help-load.json");
        Files.write(md, markdown());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), json());
        return List.of(md, json);
    }
}
