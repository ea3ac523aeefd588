package dev.switchboard.adapter.web;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.RatingOutcome;
import dev.switchboard.spi.SiteCustomerId;
import dev.switchboard.spi.ThreadPage;

/**
 * {@code POST /api/conversations/{id}/rating} with the customer token (or, from a device that holds none, the signed
 * customer id): the customer's answer to the satisfaction
 * question the help desk asks once an agent finished his conversation (the conversation's {@code ratingAsked}). 200
 * with the rating stored (again for a repeat of its idempotency key); 400 {@code invalid-rating}; 404 as for reading
 * the conversation; 409 {@code rating-not-asked} when no rating is asked (none was, or it was answered).
 */
final class CustomerRatingCall {
    private final HelpDesk helpDesk;

    CustomerRatingCall(HelpDesk helpDesk) {
        this.helpDesk = helpDesk;
    }

    /**
     * @param signed the signed customer the request names, for a device that holds no token; or {@code null}
     * @return the JSON body of the 200 answer
     */
    byte[] rate(String conversationId, ClientHeaders headers, SiteCustomerId signed, JsonRequestBody body) {
        if (headers.customerToken() == null && signed == null) {
            throw ApiException.notFound();
        }
        RatingJson.Given given = RatingJson.read(body);
        ConversationView conversation = (headers.customerToken() != null
                ? helpDesk.conversation(conversationId, headers.customerToken(), ThreadPage.of(null, "1"))
                : helpDesk.conversationOf(signed, ThreadPage.of(null, "1")).filter(view -> view.id().equals(conversationId)))
                .orElseThrow(ApiException::notFound);
        String key = given.idempotencyKey() != null ? given.idempotencyKey() : headers.idempotencyKey();
        Channel channel = InteractionFactory.channelOf(conversation.address());
        RatingOutcome outcome = headers.customerToken() != null
                ? helpDesk.rate(conversationId, headers.customerToken(), channel, given.rating(), key)
                : helpDesk.rateAsVouched(conversationId, signed, channel, given.rating(), key);
        return switch (outcome.status()) {
            case RECORDED -> RatingJson.write(conversationId, outcome.rating());
            case NOT_ASKED -> throw new ApiException(409, JsonErrors.RATING_NOT_ASKED,
                    "no rating is asked of this conversation (none was, or it was given already)");
            case NOT_FOUND -> throw ApiException.notFound();
        };
    }
}
