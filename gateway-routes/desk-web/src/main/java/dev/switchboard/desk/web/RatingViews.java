package dev.switchboard.desk.web;

import dev.switchboard.hub.domain.RatingCount;
import dev.switchboard.hub.domain.RatingRecord;
import java.time.Instant;
import java.util.Locale;

/** Ratings as the agent API shows them: a question with its answer, and a count per agent and channel. */
final class RatingViews {
    private RatingViews() {
    }

    /** A satisfaction question and, once given, the customer's answer ({@code score} null until then). */
    record RatingView(String id, String conversationId, String agent, String agentName, String askedOn, Instant askedAt,
                      String status, Integer score, String comment, String ratedOn, Instant ratedAt) {
        static RatingView of(RatingRecord r) {
            return new RatingView(r.id(), r.conversationId(), r.agent(), r.agentName(), r.askedOn(), r.askedAt(),
                    r.status().name().toLowerCase(Locale.ROOT), r.rating() == null ? null : r.rating().score(),
                    r.rating() == null ? null : r.rating().comment(), r.ratedOn(), r.ratedAt());
        }
    }

    /** How an agent was rated on a channel over the period asked. */
    record CountView(String agent, String channel, long count, double average) {
        static CountView of(RatingCount c) {
            return new CountView(c.agent(), c.channel(), c.count(), Math.round(c.average() * 100) / 100.0);
        }
    }
}
