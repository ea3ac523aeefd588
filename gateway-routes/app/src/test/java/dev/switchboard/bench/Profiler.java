package dev.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A Java Flight Recorder recording of one measured phase, in this JVM (so it holds the load generator's
 * threads too; {@link JfrHotSpots} tells them apart by thread name). JFR's "profile" settings, plus every
 * file write and fsync, and monitor waits from 1 ms.
 */
final class Profiler {
    private final Recording recording;
    private final Path file;

    private Profiler(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /**
     * Starts and stops a recording with the same settings before any load: JFR instruments the JDK's file and
     * socket classes the first time their events are enabled, which throws away the JIT's compiled code of
     * the whole I/O path. Done in the middle of a warm JVM, that alone cut the hub's throughput by 4x.
     */
    static void prime() {
        Recording recording = newRecording("prime");
        try {
            recording.start();
            recording.stop();
        } finally {
            recording.close();
        }
    }

    static Profiler start(Path file) {
        Recording recording = newRecording(file.getFileName().toString());
        recording.start();
        return new Profiler(recording, file);
    }

    private static Recording newRecording(String name) {
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setName(name);
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(20));
            recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofSeconds(1));
            recording.enable("jdk.CPULoad").withPeriod(Duration.ofSeconds(1));
            recording.enable("jdk.FileForce").withThreshold(Duration.ZERO).withStackTrace();
            recording.enable("jdk.FileWrite").withThreshold(Duration.ZERO).withStackTrace();
            recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(1)).withStackTrace();
            recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1)).withStackTrace();
            return recording;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("JFR's profile settings cannot be read", e);
        }
    }

    /** Stops the recording and writes it to its file. */
    Path stop() {
        try {
            recording.stop();
            Files.createDirectories(file.toAbsolutePath().getParent());
            recording.dump(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            recording.close();
        }
    }
}
