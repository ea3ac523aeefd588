package dev.switchboard.adapter.wap;

import dev.switchboard.render.SampleReplies;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Reply;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How the help desk answers in the WAP tests: "Answer to: ..." with one topic, and {@link #LONG_ANSWER} to a question
 * starting with "long". Like the hub, it adds the sample service points near Kraków ({@link
 * SampleReplies#nearbyPoints()}) in {@link #REGION} to the answer of a question that came with a location or a place
 * name.
 */
final class DeskAnswers {
    static final String TOPIC = "Opening hours";
    static final String REGION = "Lesser Poland";
    static final String LONG_ANSWER = String.join(" ", IntStream.rangeClosed(1, 60)
            .mapToObj(i -> "Step " + i + " of the long answer.").toList());

    private DeskAnswers() {
    }

    static Reply to(Interaction asked) {
        Reply reply = Reply.answer(asked.text().startsWith("long") ? LONG_ANSWER : "Answer to: " + asked.text(),
                Reply.Source.KNOWLEDGE_BASE, List.of(TOPIC));
        DeviceContext context = asked.context();
        boolean located = context != null && (context.location() != null || context.placeName() != null);
        return located ? reply.withNearby(SampleReplies.nearbyPoints(), REGION) : reply;
    }
}
