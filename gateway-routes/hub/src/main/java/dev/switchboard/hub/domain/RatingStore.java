package dev.switchboard.hub.domain;

import dev.switchboard.spi.Rating;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where satisfaction questions and their answers are kept: durably, every call one transaction, seen by every node
 * when it returns. Implemented by the state module over the database.
 */
public interface RatingStore {

    /** Keeps a new question; an unanswered question of the same thread is withdrawn in the same change. */
    void ask(RatingRecord asked);

    /** The latest question asked in a customer's thread, whatever its status. */
    Optional<RatingRecord> latest(String threadId);

    /** The question whose link secret hashes to {@code linkHash}, whatever its status. */
    Optional<RatingRecord> byLink(String linkHash);

    /**
     * Stores the answer to a question while it is unanswered, at once for every node racing to answer it. A question
     * answered already keeps its first answer: that one is returned only to a repeat of its idempotency key.
     *
     * @param key the answer's idempotency key, or {@code null}
     * @return the question with its answer, when this call stored it or repeats the call that did; else empty
     */
    Optional<RatingRecord> answer(String id, Rating rating, String channel, String key, Instant at);

    /** The questions of conversations, asked and answered, oldest first. */
    List<RatingRecord> ofConversations(List<String> conversationIds);

    /** An agent's latest answered ratings, newest first. */
    List<RatingRecord> latestOf(String agent, int limit);

    /** Count and sum of the scores per agent and channel of the ratings given in [{@code from}, {@code to}). */
    List<RatingCount> counts(Instant from, Instant to);
}
