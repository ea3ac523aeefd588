package dev.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * Live heap of this JVM: used heap after forced full collections (MemoryMXBean), read several times, and the class
 * histogram of live objects (the JVM's {@code GC.class_histogram} diagnostic command, which collects first), so that
 * two readings can be compared and the growth told by class. The histogram is written to a file, not kept: a reading
 * kept on the heap would be counted in every later reading.
 */
final class HeapMeter {
    /** Readings of the used heap, each after a forced full collection. */
    static final int READINGS = 5;

    /**
     * One reading: the median of the used bytes after each of {@link #READINGS} collections, their least and most,
     * and the file with the class histogram taken after them.
     */
    record Reading(long usedBytes, long leastBytes, long mostBytes, Path histogram) {
    }

    /** Growth of one class between two readings. */
    record Growth(String className, long instances, long bytes) {
    }

    private HeapMeter() {
    }

    static Reading read(Path histogram) {
        long[] used = new long[READINGS];
        for (int i = 0; i < READINGS; i++) {
            System.gc();
            used[i] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        Arrays.sort(used);
        try {
            Files.writeString(histogram, histogramText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reading(used[READINGS / 2], used[0], used[READINGS - 1], histogram);
    }

    /** The classes that grew most from {@code before} to {@code after}, by bytes. */
    static List<Growth> growth(Reading before, Reading after, int top) {
        Map<String, long[]> earlierClasses = classes(before.histogram());
        List<Growth> grown = new ArrayList<>();
        classes(after.histogram()).forEach((name, counts) -> {
            long[] earlier = earlierClasses.getOrDefault(name, new long[2]);
            grown.add(new Growth(name, counts[0] - earlier[0], counts[1] - earlier[1]));
        });
        grown.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        return grown.subList(0, Math.min(top, grown.size()));
    }

    private static String histogramText() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException("the class histogram could not be read", e);
        }
    }

    private static Map<String, long[]> classes(Path histogram) {
        Map<String, long[]> classes = new HashMap<>();
        try {
            for (String line : Files.readAllLines(histogram)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 4 && parts[0].endsWith(":")) {
                    classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }
}
