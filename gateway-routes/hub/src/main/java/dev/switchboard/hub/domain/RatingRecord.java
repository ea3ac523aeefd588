package dev.switchboard.hub.domain;

import dev.switchboard.spi.Rating;
import java.time.Instant;

/**
 * A satisfaction question as the store keeps it, with the customer's answer once he gave one.
 *
 * @param id             the question's id
 * @param conversationId the conversation the agent finished (the one agents and reports know)
 * @param threadId       the customer's own thread the question went to (the same unless customers were merged)
 * @param agent          the user name of the agent who finished it
 * @param agentName      his display name, as the customer was told it
 * @param askedOn        the channel id the question went by
 * @param askedAt        when it was asked
 * @param linkHash       the SHA-256 of the question's link secret, hex
 * @param status         asked, rated, or withdrawn (a later question of the same thread replaced it)
 * @param rating         the answer, when {@link Status#RATED}; otherwise {@code null}
 * @param ratedOn        the channel id the answer came by, or {@code null}
 * @param ratedAt        when it came, or {@code null}
 * @param answerKey      the idempotency key of the answer, or {@code null}
 */
public record RatingRecord(String id, String conversationId, String threadId, String agent, String agentName,
                           String askedOn, Instant askedAt, String linkHash, Status status, Rating rating,
                           String ratedOn, Instant ratedAt, String answerKey) {

    public enum Status { ASKED, RATED, WITHDRAWN }

    /** A question just asked. */
    public static RatingRecord asked(String id, String conversationId, String threadId, String agent, String agentName,
                                     String askedOn, Instant askedAt, String linkHash) {
        return new RatingRecord(id, conversationId, threadId, agent, agentName, askedOn, askedAt, linkHash,
                Status.ASKED, null, null, null, null);
    }
}
