package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Who used the cores during a measured phase, from Linux's {@code /proc}: this JVM, every other process
 * (including the CPU time of their children that ended), the kernel's soft interrupts (where loopback TCP
 * is processed, charged to no process) and the hypervisor's steal. In percent of all cores. Without
 * {@code /proc}, every figure is -1.
 */
final class MachineCpu {
    private static final Path PROC = Path.of("/proc");

    /** CPU time counters at one instant, in clock ticks. */
    record Snapshot(long total, long softirq, long steal, long self, Map<Long, Long> others) {
    }

    /** Percent of all cores over the interval between two snapshots. */
    record Use(double thisJvm, double otherProcesses, double softirq, double steal) {
        static final Use UNKNOWN = new Use(-1, -1, -1, -1);
    }

    private MachineCpu() {
    }

    static Snapshot snapshot() {
        try {
            String[] cpu = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long self = ProcessHandle.current().pid();
            long selfTicks = 0;
            Map<Long, Long> others = new HashMap<>();
            try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, entry ->
                    entry.getFileName().toString().chars().allMatch(Character::isDigit))) {
                for (Path pid : pids) {
                    long ticks = processTicks(pid);
                    if (ticks < 0) {
                        continue;
                    }
                    long id = Long.parseLong(pid.getFileName().toString());
                    if (id == self) {
                        selfTicks = ticks;
                    } else {
                        others.put(id, ticks);
                    }
                }
            }
            return new Snapshot(total, Long.parseLong(cpu[7]), cpu.length > 8 ? Long.parseLong(cpu[8]) : 0, selfTicks,
                    others);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime + stime + cutime + cstime of one process, or -1 when it is gone. */
    private static long processTicks(Path pid) {
        try {
            String stat = Files.readString(pid.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, so fields[11]; stime, cutime, cstime follow.
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static Use between(Snapshot before, Snapshot after) {
        if (before == null || after == null || after.total() <= before.total()) {
            return Use.UNKNOWN;
        }
        double total = after.total() - before.total();
        long others = 0;
        for (Map.Entry<Long, Long> process : after.others().entrySet()) {
            others += Math.max(0, process.getValue() - before.others().getOrDefault(process.getKey(), 0L));
        }
        return new Use(100 * (after.self() - before.self()) / total, 100 * others / total,
                100 * (after.softirq() - before.softirq()) / total, 100 * (after.steal() - before.steal()) / total);
    }
}
