package dev.switchboard.render;

import dev.switchboard.spi.Channel;
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

    /** Every field a template writes set to {@link #HOSTILE_TEXT} (or containing it), for {@code view}. */
    public static Reply hostile(Reply.View view) {
        return switch (view) {
            case ANSWER -> Reply.answer(HOSTILE_TEXT, Reply.Source.AGENT, List.of(HOSTILE_TEXT, "Delivery"));
            case QUEUE_STATUS -> Reply.queued(HOSTILE_TEXT, new QueueStatus(1, Duration.ofMinutes(2), true));
            case CONVERSATION -> Reply.conversation(HOSTILE_TEXT, List.of(
                    new ThreadMessage("1", Channel.SMS, Direction.INBOUND, HOSTILE_TEXT, HOSTILE_TEXT, THREAD_START)));
            case ERROR -> Reply.error(HOSTILE_TEXT);
        };
    }

    private static ThreadMessage message(String id, Channel channel, Direction direction, String author, String text,
                                         long secondsAfterStart) {
        return new ThreadMessage(id, channel, direction, author, text, THREAD_START.plusSeconds(secondsAfterStart));
    }
}
