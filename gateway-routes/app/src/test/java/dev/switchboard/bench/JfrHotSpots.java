package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time went in a recording of a measured phase: CPU samples by thread group, by top frame (self
 * time) and by component (inclusive: a sample counts for every component with a frame on its stack), the
 * innermost Switchboard frame of each sample, file writes and fsyncs, and the longest waits on the request
 * path. Written as Markdown.
 */
final class JfrHotSpots {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern HZ_INSTANCE = Pattern.compile("^hz\\.switchboard-[^.]+\\.[^.]+\\.[^.]+\\.[^.]+?-\\d+\\.");
    private static final int TOP = 25;

    /** A component: a sample is in it when one of its frames matches. */
    private record Component(String name, BiPredicate<String, String> frame) {
    }

    private static final List<Component> COMPONENTS = List.of(
            component("H2 (all of org.h2)", (c, m) -> c.startsWith("org.h2.")),
            component("H2 MVStore commit/store (writing a chunk)", (c, m) -> c.equals("org.h2.mvstore.MVStore")
                    && (m.equals("commit") || m.startsWith("store") || m.equals("tryCommit"))),
            component("fsync (FileChannel.force)", (c, m) -> m.equals("force") && c.contains("FileChannel")),
            component("file write (FileChannelImpl.write)", (c, m) -> m.equals("write") && c.contains("FileChannelImpl")),
            component("JdbcMapStore.store (write-through)", (c, m) -> c.startsWith("dev.switchboard.state.")
                    && c.endsWith("MapStore") && m.equals("store")),
            component("JdbcMapStore.load (read-through miss)", (c, m) -> c.startsWith("dev.switchboard.state.")
                    && c.endsWith("MapStore") && m.equals("load")),
            component("Hazelcast (all of com.hazelcast)", (c, m) -> c.startsWith("com.hazelcast.")),
            component("Hazelcast serialization", (c, m) -> c.startsWith("com.hazelcast.internal.serialization.")),
            component("Java serialization (ObjectOutput/InputStream)", (c, m) -> c.startsWith("java.io.Object")),
            component("Camel (all of org.apache.camel)", (c, m) -> c.startsWith("org.apache.camel.")),
            component("Camel bean binding (camel-bean)", (c, m) -> c.startsWith("org.apache.camel.component.bean.")),
            component("Velocity", (c, m) -> c.startsWith("org.apache.velocity.")),
            component("Jackson", (c, m) -> c.startsWith("com.fasterxml.jackson.")),
            component("SecureRandom", (c, m) -> c.equals("java.security.SecureRandom")),
            component("SHA-256 (MessageDigest)", (c, m) -> c.equals("java.security.MessageDigest")),
            component("Knowledge base matching", (c, m) -> c.startsWith("dev.switchboard.hub.knowledge.")),
            component("Micrometer", (c, m) -> c.startsWith("io.micrometer.")),
            component("Logging (logback)", (c, m) -> c.startsWith("ch.qos.logback.")),
            component("Jetty (server and client)", (c, m) -> c.startsWith("org.eclipse.jetty.")),
            component("Socket I/O (sun.nio.ch.SocketChannelImpl)", (c, m) -> c.equals("sun.nio.ch.SocketChannelImpl")));

    /** Libraries by package prefix, for the innermost library frame of a sample; the first match wins. */
    private static final List<Map.Entry<String, String>> LIBRARIES = List.of(
            Map.entry("java.io.ObjectOutputStream", "Java serialization (ObjectOutput/InputStream)"),
            Map.entry("java.io.ObjectInputStream", "Java serialization (ObjectOutput/InputStream)"),
            Map.entry("java.io.ObjectStream", "Java serialization (ObjectOutput/InputStream)"),
            Map.entry("org.h2.mvstore.", "H2 MVStore (pages, chunks, B-trees)"),
            Map.entry("org.h2.", "H2 SQL engine (parse, execute, JDBC)"),
            Map.entry("com.hazelcast.internal.serialization.", "Hazelcast serialization"),
            Map.entry("com.hazelcast.", "Hazelcast (operations, partitions, invocations)"),
            Map.entry("org.apache.camel.", "Camel"),
            Map.entry("org.eclipse.jetty.", "Jetty"),
            Map.entry("com.fasterxml.jackson.", "Jackson"),
            Map.entry("org.apache.velocity.", "Velocity"),
            Map.entry("io.micrometer.", "Micrometer"),
            Map.entry("ch.qos.logback.", "Logging"),
            Map.entry("org.slf4j.", "Logging"),
            Map.entry("dev.switchboard.bench.", "Load generator (bench)"),
            Map.entry("dev.switchboard.", "Switchboard code (and JDK code it calls)"));

    private JfrHotSpots() {
    }

    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> library : LIBRARIES) {
                if (type.startsWith(library.getKey())) {
                    return library.getValue();
                }
            }
        }
        return "JDK only";
    }

    private static Component component(String name, BiPredicate<String, String> frame) {
        return new Component(name, frame);
    }

    /** The summary of {@code file} as Markdown lines. */
    static List<String> summarize(Path file, String title) throws IOException {
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Map<String, Integer>> librariesByThread = new HashMap<>();
        Map<String, Double> threadCpu = new HashMap<>();
        Set<Long> cpuSeconds = new java.util.HashSet<>();
        Map<String, Integer> selfFrames = new HashMap<>();
        Map<String, Integer> components = new LinkedHashMap<>();
        Map<String, Integer> appFrames = new HashMap<>();
        Map<String, Integer> nativeFrames = new HashMap<>();
        Map<String, Long> waits = new HashMap<>();
        Map<String, Integer> forces = new HashMap<>();
        int samples = 0;
        int hubSamples = 0;
        int nativeSamples = 0;
        long fileWrites = 0;
        long fileWriteBytes = 0;
        long fileForces = 0;
        Duration forceTime = Duration.ZERO;
        long gcCount = 0;
        Duration gcPause = Duration.ZERO;
        double cpuJvm = 0;
        double cpuMachine = 0;
        int cpuReadings = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                switch (type) {
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        String group = threadGroup(event.getThread("sampledThread"));
                        threads.merge(group, 1, Integer::sum);
                        List<RecordedFrame> frames = frames(event.getStackTrace());
                        librariesByThread.computeIfAbsent(group, g -> new HashMap<>())
                                .merge(library(frames), 1, Integer::sum);
                        if (group.startsWith("bench-")) {
                            break;
                        }
                        hubSamples++;
                        if (!frames.isEmpty()) {
                            selfFrames.merge(name(frames.get(0)), 1, Integer::sum);
                        }
                        Set<String> hit = new LinkedHashSet<>();
                        String app = null;
                        for (RecordedFrame frame : frames) {
                            String c = frame.getMethod().getType().getName();
                            String m = frame.getMethod().getName();
                            for (Component component : COMPONENTS) {
                                if (component.frame().test(c, m)) {
                                    hit.add(component.name());
                                }
                            }
                            if (app == null && c.startsWith("dev.switchboard.") && !c.startsWith("dev.switchboard.bench.")) {
                                app = c.substring(c.lastIndexOf('.') + 1) + "." + m;
                            }
                        }
                        hit.forEach(name -> components.merge(name, 1, Integer::sum));
                        appFrames.merge(app == null ? "(no Switchboard frame: server, Hazelcast, JIT'd glue...)" : app,
                                1, Integer::sum);
                    }
                    case "jdk.NativeMethodSample" -> {
                        nativeSamples++;
                        List<RecordedFrame> frames = frames(event.getStackTrace());
                        String group = threadGroup(event.getThread("sampledThread"));
                        nativeFrames.merge(group + " in " + (frames.isEmpty() ? "?" : name(frames.get(0))), 1, Integer::sum);
                    }
                    case "jdk.FileWrite" -> {
                        fileWrites++;
                        fileWriteBytes += event.getLong("bytesWritten");
                    }
                    case "jdk.FileForce" -> {
                        fileForces++;
                        forceTime = forceTime.plus(event.getDuration());
                        forces.merge(threadGroup(event.getThread()), 1, Integer::sum);
                    }
                    case "jdk.JavaMonitorEnter", "jdk.ThreadPark" -> {
                        String where = requestPathFrame(frames(event.getStackTrace()));
                        if (where != null) {
                            String what = type.equals("jdk.JavaMonitorEnter")
                                    ? "monitor " + className(event, "monitorClass")
                                    : "park " + className(event, "parkedClass");
                            waits.merge(threadGroup(event.getThread()) + ": " + what + " at " + where,
                                    event.getDuration().toNanos(), Long::sum);
                        }
                    }
                    case "jdk.GarbageCollection" -> {
                        gcCount++;
                        gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
                    }
                    case "jdk.ThreadCPULoad" -> {
                        cpuSeconds.add(event.getStartTime().getEpochSecond());
                        threadCpu.merge(threadGroup(event.getThread()),
                                (double) event.getFloat("user") + event.getFloat("system"), Double::sum);
                    }
                    case "jdk.CPULoad" -> {
                        cpuJvm += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                        cpuMachine += event.getFloat("machineTotal");
                        cpuReadings++;
                    }
                    default -> {
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("### Profile: " + title);
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Recording `%s`. %d CPU samples (Java code running), %d of them outside "
                        + "the load generator's threads (`bench-*`); percentages of components, top frames and "
                        + "Switchboard frames are of those %d. CPU load: JVM %.0f%%, machine %.0f%% (average of %d readings)."
                        + " GC: %d collections, %d ms paused in total.",
                file.getFileName(), samples, hubSamples, hubSamples, percentOf(cpuJvm, cpuReadings),
                percentOf(cpuMachine, cpuReadings), cpuReadings, gcCount, gcPause.toMillis()));
        lines.add("");
        lines.add("CPU time by thread group, % of the machine (all cores; JFR ThreadCPULoad each second, "
                + cpuSeconds.size() + " readings):");
        lines.add("");
        lines.add("| Thread group | % of machine |");
        lines.add("|---|---:|");
        List<Map.Entry<String, Double>> cpu = new ArrayList<>(threadCpu.entrySet());
        cpu.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        for (Map.Entry<String, Double> entry : cpu.subList(0, Math.min(12, cpu.size()))) {
            double share = cpuSeconds.isEmpty() ? 0 : 100.0 * entry.getValue() / cpuSeconds.size();
            if (share >= 0.1) {
                lines.add(String.format(Locale.ROOT, "| %s | %.1f |", entry.getKey().replace("|", "\\|"), share));
            }
        }
        lines.add("");
        Map<String, Double> estimate = new HashMap<>();
        for (Map.Entry<String, Double> entry : threadCpu.entrySet()) {
            double share = cpuSeconds.isEmpty() ? 0 : 100.0 * entry.getValue() / cpuSeconds.size();
            Map<String, Integer> libraries = librariesByThread.get(entry.getKey());
            int total = libraries == null ? 0 : libraries.values().stream().mapToInt(Integer::intValue).sum();
            if (total < 5) {
                String key = entry.getKey().contains("CompilerThread") ? "JIT compiler threads (C1/C2)"
                        : entry.getKey().startsWith("GC Thread") || entry.getKey().startsWith("G1 ") ? "GC threads"
                        : "(thread " + entry.getKey() + ", no Java samples)";
                estimate.merge(key, share, Double::sum);
                continue;
            }
            libraries.forEach((library, count) -> estimate.merge(
                    entry.getKey().startsWith("bench-") ? "Load generator (bench client threads)" : library,
                    share * count / total, Double::sum));
        }
        lines.add("Where the CPU went, estimated in % of the machine: each thread group's CPU time (above) split by"
                + " the library of the innermost non-JDK frame of its samples. Execution samples alone over-represent"
                + " threads that stay in Java code (a single busy writer thread) against those that often wait in"
                + " native or VM code (the HTTP threads); this weighting corrects for that.");
        lines.add("");
        lines.add("| Library or thread | % of machine |");
        lines.add("|---|---:|");
        List<Map.Entry<String, Double>> estimated = new ArrayList<>(estimate.entrySet());
        estimated.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        for (Map.Entry<String, Double> entry : estimated) {
            if (entry.getValue() >= 0.3) {
                lines.add(String.format(Locale.ROOT, "| %s | %.1f |", entry.getKey().replace("|", "\\|"),
                        entry.getValue()));
            }
        }
        lines.add("");
        table(lines, "CPU samples by thread group (of all " + samples + ")", threads, samples, TOP);
        table(lines, "Components, inclusive (a sample counts for each component on its stack)", components, hubSamples, 100);
        table(lines, "Top frames, self time", selfFrames, hubSamples, TOP);
        table(lines, "Innermost Switchboard frame on the stack", appFrames, hubSamples, TOP);
        lines.add(String.format(Locale.ROOT, "File I/O during the phase: %d writes (%d KiB), %d fsyncs (FileChannel.force)"
                + " taking %d ms in total, by thread: %s.", fileWrites, fileWriteBytes / 1024, fileForces,
                forceTime.toMillis(), forces));
        lines.add("");
        table(lines, "Native-method samples (threads blocked in native code) by thread group and top frame",
                nativeFrames, nativeSamples, 12);
        List<Map.Entry<String, Long>> longest = new ArrayList<>(waits.entrySet());
        longest.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        lines.add("Waits over 1 ms on the request path (summed durations; monitor enters and parks):");
        lines.add("");
        lines.add("| Thread group: what, at | Total ms |");
        lines.add("|---|---:|");
        for (Map.Entry<String, Long> entry : longest.subList(0, Math.min(15, longest.size()))) {
            lines.add("| " + entry.getKey() + " | " + entry.getValue() / 1_000_000 + " |");
        }
        lines.add("");
        return lines;
    }

    private static double percentOf(double sum, int readings) {
        return readings == 0 ? 0 : 100.0 * sum / readings;
    }

    private static void table(List<String> lines, String heading, Map<String, ? extends Number> counts, int total, int top) {
        List<Map.Entry<String, ? extends Number>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> Long.compare(b.getValue().longValue(), a.getValue().longValue()));
        lines.add(heading + ":");
        lines.add("");
        lines.add("| | Samples | % |");
        lines.add("|---|---:|---:|");
        for (Map.Entry<String, ? extends Number> entry : sorted.subList(0, Math.min(top, sorted.size()))) {
            lines.add(String.format(Locale.ROOT, "| %s | %d | %.1f |", entry.getKey().replace("|", "\\|"),
                    entry.getValue().longValue(), total == 0 ? 0.0 : 100.0 * entry.getValue().longValue() / total));
        }
        lines.add("");
    }

    private static List<RecordedFrame> frames(RecordedStackTrace stack) {
        return stack == null ? List.of() : stack.getFrames();
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type + "." + frame.getMethod().getName();
    }

    private static String className(RecordedEvent event, String field) {
        try {
            jdk.jfr.consumer.RecordedClass type = event.getClass(field);
            return type == null ? "?" : type.getName();
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    /** The innermost frame of Switchboard, H2 or Hazelcast code, or null when the wait is not on the request path. */
    private static String requestPathFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if ((type.startsWith("dev.switchboard.") && !type.startsWith("dev.switchboard.bench."))
                    || type.startsWith("org.h2.")) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            }
        }
        return null;
    }

    /** A thread's name without its numbers and Hazelcast instance name: "http-#", "hz.partition-operation.thread-#". */
    static String threadGroup(RecordedThread thread) {
        if (thread == null) {
            return "?";
        }
        String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        if (name == null) {
            return "?";
        }
        return DIGITS.matcher(HZ_INSTANCE.matcher(name).replaceFirst("hz.")).replaceAll("#");
    }
}
