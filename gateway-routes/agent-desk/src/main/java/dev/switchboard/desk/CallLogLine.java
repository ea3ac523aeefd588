package dev.switchboard.desk;

import dev.switchboard.spi.CallReport;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A phone call as one line of the thread: who called, how it ended, when it was answered and for how long. */
final class CallLogLine {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private CallLogLine() {
    }

    static String of(CallReport report) {
        String call = report.direction() == CallReport.Direction.CALL_BACK
                ? "Call back to " + report.customer().value()
                : "Call from " + report.customer().value() + " to the help number";
        StringBuilder line = new StringBuilder(call).append(": ").append(report.status().replace('-', ' '));
        if (report.startedAt() != null) {
            line.append(", answered ").append(CLOCK.format(report.startedAt()));
        }
        if (report.duration() != null) {
            line.append(", lasted ").append(length(report.duration()));
        }
        return line.append('.').toString();
    }

    static String length(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
