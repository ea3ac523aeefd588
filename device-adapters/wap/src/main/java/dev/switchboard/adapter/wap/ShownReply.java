package dev.switchboard.adapter.wap;

import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.QueueStatus;
import dev.switchboard.spi.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The last reply a session was shown, kept so that its "more" pages can be served: its text, topics, queue
 * status, and the service points nearest to the customer with his region. {@code id} names it in the page
 * links, so that a "more" link of an older reply is recognised as stale.
 */
record ShownReply(String id, Reply.View view, String text, Reply.Source source, ArrayList<String> topics,
                  Integer queuePosition, Long waitSeconds, Boolean agentsOnDuty, ArrayList<NearbyPoint> nearby,
                  String region) {

    static ShownReply of(Reply reply) {
        QueueStatus queue = reply.queue();
        return new ShownReply(RandomIds.next(), reply.view(), reply.text(), reply.source(), new ArrayList<>(reply.topics()),
                queue == null ? null : queue.position(),
                queue == null || queue.estimatedWait() == null ? null : queue.estimatedWait().toSeconds(),
                queue == null ? null : queue.agentsOnDuty(),
                new ArrayList<>(reply.nearby()), reply.region());
    }

    Reply reply() {
        QueueStatus queue = agentsOnDuty == null ? null
                : new QueueStatus(queuePosition, waitSeconds == null ? null : Duration.ofSeconds(waitSeconds), agentsOnDuty);
        return new Reply(view, text, source, List.copyOf(topics), queue, List.of(), List.copyOf(nearby), region);
    }
}
