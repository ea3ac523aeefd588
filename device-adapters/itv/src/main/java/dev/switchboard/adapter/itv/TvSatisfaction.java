package dev.switchboard.adapter.itv;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.Rating;
import dev.switchboard.spi.RatingOutcome;
import dev.switchboard.spi.SetTopId;

/**
 * The viewer's answer to the satisfaction question, given with a colour key once an agent finished his conversation
 * (the conversation's {@code ratingAsked}): green 5 ("yes"), yellow 3 ("partly"), red 1 ("no"). It is a rating of
 * the help, stored through {@link HelpDesk#rate}, never a message: nothing queues the viewer or leaves an offline
 * message. Refused with 409 {@code rating-not-asked} when no rating is asked, 404 as for reading the conversation.
 */
final class TvSatisfaction {
    static final String THANKS = "Thank you for your answer.";

    /** The answer as the overlay sends it: {@code {"kind": "satisfaction", "conversationId", "rating": "yes" | "partly" | "no"}}. */
    record Answer(SetTopId setTopId, String conversationId, String key, String idempotencyKey) {

        /** The score a colour key gives. */
        Rating rating() {
            return new Rating(switch (key) {
                case "yes" -> Rating.HIGHEST;
                case "partly" -> 3;
                default -> Rating.LOWEST;
            }, null);
        }
    }

    private final HelpDesk helpDesk;

    TvSatisfaction(HelpDesk helpDesk) {
        this.helpDesk = helpDesk;
    }

    /** @return the JSON body of the 201 answer */
    byte[] rate(Answer answer, String token) {
        if (token == null || answer.conversationId() == null) {
            throw TvApiException.notFound();
        }
        RatingOutcome outcome = helpDesk.rate(answer.conversationId(), token, Channel.TV, answer.rating(),
                answer.idempotencyKey());
        return switch (outcome.status()) {
            case RECORDED -> TvJson.rated(answer.conversationId(), answer.setTopId(), outcome.rating(), THANKS);
            case NOT_ASKED -> throw new TvApiException(409, "rating-not-asked",
                    "no rating is asked of this conversation (none was, or it was given already)");
            case NOT_FOUND -> throw TvApiException.notFound();
        };
    }
}
