package dev.switchboard.adapter.web;

import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.RatingOutcome;
import dev.switchboard.spi.ThreadPage;

/**
 * {@code POST /api/conversations/{id}/rating} with the customer token: the customer's answer to the satisfaction
 * question the help desk asks once an agent finished his conversation (the conversation's {@code ratingAsked}). 200
 * with the rating stored (again for a repeat of its idempotency key); 400 {@code invalid-rating}; 404 as for reading
 * the conversation; 409 {@code rating-not-asked} when no rating is asked (none was, or it was answered).
 */
final class CustomerRatingCall {
    private final HelpDesk helpDesk;

    CustomerRatingCall(HelpDesk helpDesk) {
        this.helpDesk = helpDesk;
    }

    /** @return the JSON body of the 200 answer */
    byte[] rate(String conversationId, ClientHeaders headers, JsonRequestBody body) {
        if (headers.customerToken() == null) {
            throw ApiException.notFound();
        }
        RatingJson.Given given = RatingJson.read(body);
        ConversationView conversation = helpDesk.conversation(conversationId, headers.customerToken(),
                ThreadPage.of(null, "1")).orElseThrow(ApiException::notFound);
        String key = given.idempotencyKey() != null ? given.idempotencyKey() : headers.idempotencyKey();
        RatingOutcome outcome = helpDesk.rate(conversationId, headers.customerToken(),
                InteractionFactory.channelOf(conversation.address()), given.rating(), key);
        return switch (outcome.status()) {
            case RECORDED -> RatingJson.write(conversationId, outcome.rating());
            case NOT_ASKED -> throw new ApiException(409, JsonErrors.RATING_NOT_ASKED,
                    "no rating is asked of this conversation (none was, or it was given already)");
            case NOT_FOUND -> throw ApiException.notFound();
        };
    }
}
