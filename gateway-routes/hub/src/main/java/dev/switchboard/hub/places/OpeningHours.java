package dev.switchboard.hub.places;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a service point is open, written as the company's list writes it: rules separated by {@code ;},
 * each days then times, e.g. {@code Mo-Fr 08:00-20:00; Sa 09:00-14:00}, or {@code 24/7}. Days are
 * {@code Mo Tu We Th Fr Sa Su}, single or as a range ({@code Mo-Fr}) or list ({@code Mo,We}); several
 * intervals a day are separated by commas ({@code 09:00-13:00,14:00-18:00}); {@code 24:00} closes at
 * midnight. A day that no rule names is closed. Immutable.
 */
public final class OpeningHours {
    private static final List<String> DAY_CODES = List.of("mo", "tu", "we", "th", "fr", "sa", "su");

    private record Interval(LocalTime from, LocalTime to, boolean untilMidnight) {
        boolean contains(LocalTime time) {
            return !time.isBefore(from) && (untilMidnight || time.isBefore(to));
        }
    }

    private final String text;
    private final Map<DayOfWeek, List<Interval>> week;

    private OpeningHours(String text, Map<DayOfWeek, List<Interval>> week) {
        this.text = text;
        this.week = week;
    }

    /**
     * Reads {@code text}.
     *
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    public static OpeningHours parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("opening hours are empty");
        }
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        if (trimmed.equals("24/7")) {
            for (DayOfWeek day : DayOfWeek.values()) {
                week.put(day, List.of(new Interval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, true)));
            }
            return new OpeningHours(trimmed, week);
        }
        for (String rule : trimmed.split(";")) {
            String[] parts = rule.strip().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("opening hours rule '" + rule.strip() + "' is not 'days times'");
            }
            List<Interval> intervals = intervals(parts[1]);
            for (DayOfWeek day : days(parts[0])) {
                week.computeIfAbsent(day, d -> new ArrayList<>()).addAll(intervals);
            }
        }
        return new OpeningHours(trimmed, week);
    }

    /** Whether it is open at {@code time}, read in the time zone {@code time} carries. */
    public boolean isOpenAt(ZonedDateTime time) {
        LocalTime clock = time.toLocalTime();
        for (Interval interval : week.getOrDefault(time.getDayOfWeek(), List.of())) {
            if (interval.contains(clock)) {
                return true;
            }
        }
        return false;
    }

    /** The hours as written. */
    @Override
    public String toString() {
        return text;
    }

    private static List<DayOfWeek> days(String spec) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] range = part.split("-");
            if (range.length > 2) {
                throw new IllegalArgumentException("days '" + part + "' are not a day or a range like Mo-Fr");
            }
            int first = day(range[0]);
            int last = range.length == 2 ? day(range[1]) : first;
            for (int d = first; ; d = (d + 1) % 7) {
                days.add(DayOfWeek.of(d + 1));
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static int day(String code) {
        int index = DAY_CODES.indexOf(code.strip().toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new IllegalArgumentException("'" + code + "' is not a day (Mo Tu We Th Fr Sa Su)");
        }
        return index;
    }

    private static List<Interval> intervals(String spec) {
        List<Interval> intervals = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] range = part.split("-");
            if (range.length != 2) {
                throw new IllegalArgumentException("times '" + part + "' are not a range like 09:00-18:00");
            }
            boolean untilMidnight = range[1].equals("24:00");
            LocalTime from = time(range[0]);
            LocalTime to = untilMidnight ? LocalTime.MIDNIGHT : time(range[1]);
            if (!untilMidnight && !to.isAfter(from)) {
                throw new IllegalArgumentException("times '" + part + "' close before they open");
            }
            intervals.add(new Interval(from, to, untilMidnight));
        }
        return intervals;
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time like 09:00");
        }
    }
}
