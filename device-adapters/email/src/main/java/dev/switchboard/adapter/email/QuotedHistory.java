package dev.switchboard.adapter.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes the quoted history out of a reply, so the thread keeps what the customer wrote this time: lines quoted
 * with {@code >}, and everything from the first line that introduces the earlier mail ("On ... wrote:", its
 * Polish, German and French forms, Outlook's "-----Original Message-----" or its From:/Sent: block) or the
 * signature delimiter ("-- ") on. A mail that would be left empty keeps its text.
 */
final class QuotedHistory {
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?i)^(on\\b.*|w dniu\\b.*|am\\b.*|le\\b.*|.*<[^>]+@[^>]+>)?\\s*(wrote|napisa[lł]\\(?a?\\)?|schrieb|a [ée]crit)\\s*:\\s*$");
    /** German clients put the name after the verb: "Am 23.11.2026 um 09:00 schrieb Help desk:". */
    private static final Pattern GERMAN_ATTRIBUTION = Pattern.compile("(?i)^am\\s.+\\sschrieb\\s.+:\\s*$");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?i)^(on|w dniu|am|le)\\s.*");
    private static final Pattern ORIGINAL = Pattern.compile("(?i)^-{2,}\\s*(original message|forwarded message|wiadomo[sś][cć] oryginalna)\\s*-{2,}\\s*$");
    private static final Pattern OUTLOOK_FROM = Pattern.compile("(?i)^\\*?(from|od):\\*?\\s.+");
    private static final Pattern OUTLOOK_SENT = Pattern.compile("(?i)^\\*?(sent|date|wys[lł]ano|data):\\*?\\s.+");
    private static final String SIGNATURE = "-- ";

    private QuotedHistory() {
    }

    static String strip(String text) {
        String[] lines = text.split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (startsHistory(lines, i)) {
                break;
            }
            if (!line.stripLeading().startsWith(">")) {
                kept.add(line);
            }
        }
        String mine = String.join("\n", kept).strip();
        return mine.isEmpty() ? text.strip() : mine;
    }

    private static boolean startsHistory(String[] lines, int i) {
        String line = lines[i].strip();
        if (lines[i].equals(SIGNATURE) || lines[i].equals("--") || ORIGINAL.matcher(line).matches()
                || ATTRIBUTION.matcher(line).matches() || GERMAN_ATTRIBUTION.matcher(line).matches()) {
            return true;
        }
        if (ATTRIBUTION_START.matcher(line).matches() && i + 1 < lines.length
                && ATTRIBUTION.matcher(line + " " + lines[i + 1].strip()).matches()) {
            return true;
        }
        if (OUTLOOK_FROM.matcher(line).matches()) {
            for (int next = i + 1; next < Math.min(lines.length, i + 4); next++) {
                if (OUTLOOK_SENT.matcher(lines[next].strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
