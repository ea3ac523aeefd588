package dev.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * Live heap of this JVM: used heap after forced full collections (MemoryMXBean), and the class histogram of live
 * objects (the JVM's {@code GC.class_histogram} diagnostic command, which collects first), so that two readings can
 * be compared and the growth told by class.
 */
final class HeapMeter {

    /** One reading: bytes used after collection, and live bytes and instances per class. */
    record Reading(long usedBytes, Map<String, long[]> classes) {
    }

    /** Growth of one class between two readings. */
    record Growth(String className, long instances, long bytes) {
    }

    private HeapMeter() {
    }

    static Reading read() {
        Map<String, long[]> classes = histogram();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return new Reading(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), classes);
    }

    /** The classes that grew most from {@code before} to {@code after}, by bytes. */
    static List<Growth> growth(Reading before, Reading after, int top) {
        List<Growth> grown = new ArrayList<>();
        after.classes().forEach((name, counts) -> {
            long[] earlier = before.classes().getOrDefault(name, new long[2]);
            grown.add(new Growth(name, counts[0] - earlier[0], counts[1] - earlier[1]));
        });
        grown.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        return grown.subList(0, Math.min(top, grown.size()));
    }

    private static Map<String, long[]> histogram() {
        Map<String, long[]> classes = new HashMap<>();
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            for (String line : text.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 4 && parts[0].endsWith(":")) {
                    classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the class histogram could not be read", e);
        }
        return classes;
    }
}
