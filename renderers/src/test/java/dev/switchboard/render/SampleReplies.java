package dev.switchboard.render;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.QueueStatus;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Realistic replies for every view, for tests of renderers and adapters. */
public final class SampleReplies {
    /** A text that breaks every format that forgets to escape it. */
    public static final String HOSTILE_TEXT = "<script>alert(\"x\")</script> & $PATH 'q'";
    /** When the sample thread starts. */
    public static final Instant THREAD_START = Instant.parse("2026-11-23T14:05:42Z");

    private SampleReplies() {
    }

    /** A sample reply of {@code view}. */
    public static Reply of(Reply.View view) {
        return switch (view) {
            case ANSWER -> answer();
            case QUEUE_STATUS -> queued();
            case CONVERSATION -> conversation();
            case ERROR -> error();
        };
    }

    /** A knowledge-base answer with three topics. */
    public static Reply answer() {
        return Reply.answer("Our service points are open Monday to Saturday, 9:00 to 18:00. Bring the parcel "
                        + "and its receipt; returns within 30 days are free.",
                Reply.Source.KNOWLEDGE_BASE, List.of("Opening hours", "Returns & refunds", "Track a parcel"));
    }

    /** Third in the queue, about four minutes to wait. */
    public static Reply queued() {
        return Reply.queued("Thanks, an agent will be with you shortly.",
                new QueueStatus(3, Duration.ofSeconds(230), true));
    }

    /** Nobody on duty. */
    public static Reply nobodyOnDuty() {
        return Reply.queued("Thanks for your message.", QueueStatus.NOBODY_ON_DUTY);
    }

    /** Three messages over two channels, given newest first to show that the renderer orders them. */
    public static Reply conversation() {
        return Reply.conversation("Your conversation with us", List.of(
                message("3", Channel.SMS, Direction.INBOUND, "you", "Thanks!", 600),
                message("2", Channel.WEB_CHAT, Direction.OUTBOUND, "Anna", "It left the depot at 9:40 and arrives today.", 120),
                message("1", Channel.WEB_CHAT, Direction.INBOUND, "you", "Where is my parcel 4711?", 0)));
    }

    /** An error the customer can act on. */
    public static Reply error() {
        return Reply.error("Your message was empty. Please write your question and send it again.");
    }

    /** Five service points near the Main Square of Kraków, nearest first, the second closed, the fourth with unknown hours. */
    public static List<NearbyPoint> nearbyPoints() {
        return List.of(
                new NearbyPoint("Kraków Rynek Główny", "Rynek Główny 27, 31-010 Kraków", 50.0618, 19.9369, 48, true,
                        "Mo-Fr 08:00-20:00; Sa 09:00-15:00"),
                new NearbyPoint("Kraków Galeria Krakowska", "ul. Pawia 5, 31-154 Kraków", 50.0676, 19.9450, 880, false,
                        "Mo-Sa 09:00-21:00"),
                new NearbyPoint("Kraków Kazimierz", "ul. Szeroka 10, 31-053 Kraków", 50.0516, 19.9480, 1_340, true,
                        "Mo-Fr 09:00-17:30"),
                new NearbyPoint("Kraków Podgórze", "ul. Kalwaryjska 40, 30-504 Kraków", 50.0438, 19.9492, 2_090, null, ""),
                new NearbyPoint("Kraków Nowa Huta", "Plac Centralny 1, 31-914 Kraków", 50.0719, 20.0376, 12_470, true,
                        "24/7"));
    }

    /** {@code view}'s sample reply with {@link #nearbyPoints()} in the region Lesser Poland. */
    public static Reply located(Reply.View view) {
        return of(view).withNearby(nearbyPoints(), "Lesser Poland");
    }

    /** Every field a template writes set to {@link #HOSTILE_TEXT} (or containing it), for {@code view}. */
    public static Reply hostile(Reply.View view) {
        return switch (view) {
            case ANSWER -> Reply.answer(HOSTILE_TEXT, Reply.Source.AGENT, List.of(HOSTILE_TEXT, "Delivery"))
                    .withNearby(List.of(hostilePoint()), HOSTILE_TEXT);
            case QUEUE_STATUS -> Reply.queued(HOSTILE_TEXT, new QueueStatus(1, Duration.ofMinutes(2), true))
                    .withNearby(List.of(hostilePoint()), HOSTILE_TEXT);
            case CONVERSATION -> Reply.conversation(HOSTILE_TEXT, List.of(
                    new ThreadMessage("1", Channel.SMS, Direction.INBOUND, HOSTILE_TEXT, HOSTILE_TEXT, THREAD_START)));
            case ERROR -> Reply.error(HOSTILE_TEXT);
        };
    }

    private static NearbyPoint hostilePoint() {
        return new NearbyPoint(HOSTILE_TEXT, HOSTILE_TEXT, 50, 20, 5, true, HOSTILE_TEXT);
    }

    private static ThreadMessage message(String id, Channel channel, Direction direction, String author, String text,
                                         long secondsAfterStart) {
        return new ThreadMessage(id, channel, direction, author, text, THREAD_START.plusSeconds(secondsAfterStart));
    }
}
