package dev.switchboard.hub.domain;

import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.QueueStatus;
import dev.switchboard.spi.Reply;
import java.time.Duration;
import java.util.List;

/**
 * What the hub answered for one idempotency key, kept so that a repeat is answered the same way without
 * being processed again.
 *
 * <p>The customer token is deliberately not kept: a repeat gets a token back only when it presents it, so
 * knowing someone's visitor id and idempotency key is not enough to take over his conversation. Nor is the
 * answer's text, which the thread holds: a repeat is answered only when the thread has the answer (the outbound
 * message with the interaction's idempotency key), and takes the text from there.
 *
 * @param conversationId the conversation the message went to
 * @param reply          the reply, in storable form
 */
public record RecordedOutcome(String conversationId, StoredReply reply) {

    /**
     * A {@link dev.switchboard.spi.Reply} without its thread, which is read afresh when needed.
     */
    public record StoredReply(String view, String text, String source, List<String> topics, Integer queuePosition,
                              Long estimatedWaitSeconds, Boolean agentsOnDuty, List<NearbyPoint> nearby,
                              String region) {
        public StoredReply {
            topics = topics == null ? List.of() : List.copyOf(topics);
            nearby = nearby == null ? List.of() : List.copyOf(nearby);
        }

        /** The reply without its text, which is the thread's answer to the interaction. */
        public static StoredReply of(Reply reply) {
            QueueStatus queue = reply.queue();
            return new StoredReply(reply.view().name(), null, reply.source().name(), reply.topics(),
                    queue == null ? null : queue.position(),
                    queue == null || queue.estimatedWait() == null ? null : queue.estimatedWait().toSeconds(),
                    queue == null ? null : queue.agentsOnDuty(), reply.nearby(), reply.region());
        }

        /**
         * The reply again, with {@code answerText}, the text of the thread's answer; an outcome recorded by an earlier
         * version kept its own text, which is taken when the thread's is missing.
         */
        public Reply toReply(String answerText) {
            QueueStatus queue = queuePosition == null ? null : new QueueStatus(queuePosition,
                    estimatedWaitSeconds == null ? null : Duration.ofSeconds(estimatedWaitSeconds),
                    Boolean.TRUE.equals(agentsOnDuty));
            return new Reply(Reply.View.valueOf(view), answerText != null ? answerText : text,
                    Reply.Source.valueOf(source), topics, queue, List.of(),
                    nearby, region);
        }
    }
}
