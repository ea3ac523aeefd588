package dev.switchboard.hub.domain;

import dev.switchboard.spi.Rating;
import dev.switchboard.spi.RatingOutcome;
import dev.switchboard.spi.Reply;
import java.util.List;

/**
 * The satisfaction question as the hub sees it: whether one is asked of a customer's thread, and his answer. The
 * desk asks it when an agent finishes a conversation and implements this.
 */
public interface CustomerRatings {
    /** What a customer who rated by a reply is told. */
    String THANKS = "Thank you for rating our help: %d of 5.";

    /** The help desk's answer to a reply that was a rating. */
    static Reply thanks(Rating rating) {
        return Reply.answer(THANKS.formatted(rating.score()), Reply.Source.SYSTEM, List.of());
    }

    /** Asks nothing: for a hub without an agent desk (some tests). */
    CustomerRatings NONE = new CustomerRatings() {
        @Override
        public boolean asked(String threadId) {
            return false;
        }

        @Override
        public boolean takes(String threadId, String key) {
            return false;
        }

        @Override
        public RatingOutcome rate(String threadId, String channel, Rating rating, String key) {
            return RatingOutcome.notAsked();
        }

        @Override
        public RatingOutcome rateByLink(String linkToken, String channel, Rating rating, String key) {
            return RatingOutcome.notFound();
        }

        @Override
        public boolean askedByLink(String linkToken) {
            return false;
        }
    };

    /** Whether a rating is asked of the customer whose own thread this is. */
    boolean asked(String threadId);

    /**
     * Whether a reply with this idempotency key answers the question of the customer's thread: one is asked, or this
     * key answered it already (a retry of that reply).
     */
    boolean takes(String threadId, String key);

    /** Records his answer while a rating is asked (see {@code HelpDesk#rate}). */
    RatingOutcome rate(String threadId, String channel, Rating rating, String key);

    /** Records the answer to the question a link names (see {@code HelpDesk#rateByLink}). */
    RatingOutcome rateByLink(String linkToken, String channel, Rating rating, String key);

    /** Whether the question a link names is still asked. */
    boolean askedByLink(String linkToken);
}
