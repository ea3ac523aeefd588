package dev.switchboard.render;

import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.PageNavigation;
import dev.switchboard.spi.QueueStatus;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.velocity.VelocityContext;

/**
 * Turns a {@link Reply} into the variables every template sees. Values are plain strings, numbers,
 * booleans, lists and maps, decided here once so that templates only lay them out. Never {@code null}.
 *
 * <pre>
 *   $text    the reply's main text
 *   $source  knowledge-base | agent | system
 *   $topics  list of maps: label, query (the label URL-encoded, for ?q= links)
 *   $queue   map: position (0 = not shown), waitMinutes (0 = not shown), nobodyOnDuty (boolean)
 *   $thread  list of maps, oldest first: author, text, time (HH:mm UTC), timestamp (ISO-8601 UTC),
 *            inbound (boolean: the customer wrote it), channel
 *   $nearby  list of maps, nearest first: name, address, distance ("850 m", "1.2 km", "37 km"),
 *            distanceMeters, status ("open now", "closed now", "" when the hours are unknown),
 *            open ("yes", "no", ""), hours
 *   $region  the customer's region, or ""
 * </pre>
 *
 * <p>Page templates (see {@link VelocityReplyRenderer#renderPage}) see the thread newest first, and also:
 * <pre>
 *   $nav     map: ask, topic, home, thread, contact, callback, verify, sendCode, checkCode, older, newest
 *            (addresses, "" when the page has no such link),
 *            more (the next page's address or ""), page (number), fields (list of maps: name, value)
 * </pre>
 */
final class TemplateModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Map<String, Object> NO_QUEUE = queue(0, 0, false);
    private static final Comparator<ThreadMessage> OLDEST_FIRST =
            Comparator.comparing(ThreadMessage::at, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * The links of a conversation page that reads a thread a page at a time: the messages before those shown, and
     * the newest messages (on an older page). Names of {@link PageNavigation#links()} beside its own.
     */
    static final String OLDER = "older";
    static final String NEWEST = "newest";

    private static final List<String> LINKS = List.of(PageNavigation.ASK, PageNavigation.TOPIC, PageNavigation.HOME,
            PageNavigation.THREAD, PageNavigation.CONTACT, PageNavigation.CALLBACK, PageNavigation.VERIFY,
            PageNavigation.SEND_CODE, PageNavigation.CHECK_CODE, PageNavigation.RATING, PageNavigation.RATE, OLDER, NEWEST);

    private TemplateModel() {
    }

    static VelocityContext contextFor(Reply reply) {
        return contextFor(reply, OLDEST_FIRST);
    }

    /** The variables of a page template: the reply's, with the thread newest first, and {@code $nav}. */
    static VelocityContext contextForPage(Reply reply, PageNavigation navigation, String moreLink) {
        VelocityContext context = contextFor(reply, OLDEST_FIRST.reversed());
        List<Map<String, Object>> fields = new ArrayList<>(navigation.fields().size());
        navigation.fields().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(field -> fields.add(Map.of("name", field.getKey(), "value", field.getValue())));
        Map<String, Object> nav = new HashMap<>();
        for (String link : LINKS) {
            nav.put(link, navigation.link(link));
        }
        nav.put("more", moreLink);
        nav.put("page", navigation.page());
        nav.put("fields", fields);
        context.put("nav", nav);
        return context;
    }

    private static VelocityContext contextFor(Reply reply, Comparator<ThreadMessage> order) {
        VelocityContext context = new VelocityContext();
        context.put("text", reply.text());
        context.put("source", reply.source().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        context.put("topics", topics(reply.topics()));
        context.put("queue", queue(reply.queue()));
        context.put("thread", thread(reply.thread(), order));
        context.put("nearby", nearby(reply.nearby()));
        context.put("region", orEmpty(reply.region()));
        return context;
    }

    private static List<Map<String, Object>> topics(List<String> topics) {
        if (topics.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> result = new ArrayList<>(topics.size());
        for (String topic : topics) {
            if (topic != null && !topic.isBlank()) {
                result.add(Map.of("label", topic, "query", URLEncoder.encode(topic, StandardCharsets.UTF_8)));
            }
        }
        return result;
    }

    private static Map<String, Object> queue(QueueStatus queue) {
        if (queue == null) {
            return NO_QUEUE;
        }
        if (!queue.agentsOnDuty()) {
            return queue(0, 0, true);
        }
        return queue(Math.max(queue.position(), 0), waitMinutes(queue.estimatedWait()), false);
    }

    private static Map<String, Object> queue(int position, int waitMinutes, boolean nobodyOnDuty) {
        return Map.of("position", position, "waitMinutes", waitMinutes, "nobodyOnDuty", nobodyOnDuty);
    }

    /** Whole minutes, rounded up so that a wait is never understated; 0 when unknown. */
    static int waitMinutes(Duration wait) {
        if (wait == null || wait.isNegative() || wait.isZero()) {
            return 0;
        }
        long minutes = (wait.getSeconds() + 59) / 60;
        return (int) Math.min(Math.max(minutes, 1), Integer.MAX_VALUE);
    }

    private static List<Map<String, Object>> thread(List<ThreadMessage> thread, Comparator<ThreadMessage> order) {
        if (thread.isEmpty()) {
            return List.of();
        }
        List<ThreadMessage> ordered = new ArrayList<>(thread);
        ordered.sort(order);
        List<Map<String, Object>> result = new ArrayList<>(ordered.size());
        for (ThreadMessage message : ordered) {
            Instant at = message.at();
            result.add(Map.of(
                    "author", orEmpty(message.author()),
                    "text", orEmpty(message.text()),
                    "time", at == null ? "" : CLOCK.format(at),
                    "timestamp", at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)),
                    "inbound", message.direction() == ThreadMessage.Direction.INBOUND,
                    "channel", message.channel() == null ? "" : message.channel().id()));
        }
        return result;
    }

    private static List<Map<String, Object>> nearby(List<NearbyPoint> points) {
        if (points.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> result = new ArrayList<>(points.size());
        for (NearbyPoint point : points) {
            Boolean open = point.openNow();
            result.add(Map.of(
                    "name", point.name(),
                    "address", point.address(),
                    "distance", distance(point.distanceMeters()),
                    "distanceMeters", point.distanceMeters(),
                    "status", open == null ? "" : open ? "open now" : "closed now",
                    "open", open == null ? "" : open ? "yes" : "no",
                    "hours", point.hours()));
        }
        return result;
    }

    /** Metres under 1 km, then km with one decimal under 10 km, then whole km. */
    static String distance(long meters) {
        if (meters < 1000) {
            return meters + " m";
        }
        if (meters < 10_000) {
            long tenths = Math.round(meters / 100.0);
            return tenths / 10 + "." + tenths % 10 + " km";
        }
        return Math.round(meters / 1000.0) + " km";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
