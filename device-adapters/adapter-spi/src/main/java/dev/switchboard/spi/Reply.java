package dev.switchboard.spi;

import java.util.List;
import java.util.Objects;

/**
 * What the help desk says back, before it is rendered for a device. The {@link View} picks the
 * template; the other fields are the template's data. Lists are never {@code null}.
 *
 * @param view   which template renders this reply
 * @param text   the main text (an answer, an explanation, an error reason)
 * @param source who the text comes from
 * @param topics topics the customer may ask about next (shown as links or a menu)
 * @param queue  where the customer waits, for {@link View#QUEUE_STATUS}; otherwise {@code null}
 * @param thread the messages to show, for {@link View#CONVERSATION}; otherwise empty
 * @param nearby the service points nearest to the customer, nearest first; empty when his location is unknown
 * @param region the customer's region (a voivodeship, a county, a state) when the hub knows it, else {@code null}
 */
public record Reply(View view, String text, Source source, List<String> topics, QueueStatus queue,
                    List<ThreadMessage> thread, List<NearbyPoint> nearby, String region) {

    /** The views every device profile has a template for. */
    public enum View {
        ANSWER("answer"), QUEUE_STATUS("queue-status"), CONVERSATION("conversation"), ERROR("error");

        private final String templateName;

        View(String templateName) {
            this.templateName = templateName;
        }

        /** The template's file name without {@code .vm}. */
        public String templateName() {
            return templateName;
        }
    }

    /** Who wrote the reply's text. */
    public enum Source { KNOWLEDGE_BASE, AGENT, SYSTEM }

    public Reply {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        topics = topics == null ? List.of() : List.copyOf(topics);
        thread = thread == null ? List.of() : List.copyOf(thread);
        nearby = nearby == null ? List.of() : List.copyOf(nearby);
    }

    /** A reply that says nothing about where the customer is. */
    public Reply(View view, String text, Source source, List<String> topics, QueueStatus queue,
                 List<ThreadMessage> thread) {
        this(view, text, source, topics, queue, thread, List.of(), null);
    }

    /** This reply with the service points nearest to the customer and his region. */
    public Reply withNearby(List<NearbyPoint> points, String customerRegion) {
        return new Reply(view, text, source, topics, queue, thread, points, customerRegion);
    }

    /** An answer from the knowledge base or an agent. */
    public static Reply answer(String text, Source source, List<String> topics) {
        return new Reply(View.ANSWER, text, source, topics, null, List.of());
    }

    /** The customer waits for an agent, or is told nobody is on duty. */
    public static Reply queued(String text, QueueStatus queue) {
        return new Reply(View.QUEUE_STATUS, text, Source.SYSTEM, List.of(), Objects.requireNonNull(queue), List.of());
    }

    /** The customer's conversation so far. */
    public static Reply conversation(String text, List<ThreadMessage> thread) {
        return new Reply(View.CONVERSATION, text, Source.SYSTEM, List.of(), null, thread);
    }

    /** Something the customer sent could not be taken; {@code text} says why and what to do. */
    public static Reply error(String text) {
        return new Reply(View.ERROR, text, Source.SYSTEM, List.of(), null, List.of());
    }
}
