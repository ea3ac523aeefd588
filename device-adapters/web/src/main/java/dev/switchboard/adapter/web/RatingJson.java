package dev.switchboard.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.Rating;

/**
 * The body of {@code POST /api/conversations/{id}/rating} and its answer:
 * <pre>{@code
 * {"score": 4, "comment": "Quick and kind", "idempotencyKey": "..."}   ->   {"conversationId": "...", "score": 4, "comment": "..."}
 * }</pre>
 * {@code score} is a whole number from 1 to 5; {@code comment} (at most {@link Rating#MAX_COMMENT_LENGTH} characters)
 * and {@code idempotencyKey} are optional. A bad score or comment is refused with 400 {@code invalid-rating} naming
 * the field.
 */
final class RatingJson {

    /** The customer's rating and the key that makes its retry safe ({@code null} for none). */
    record Given(Rating rating, String idempotencyKey) {
    }

    private RatingJson() {
    }

    static Given read(JsonRequestBody body) {
        JsonNode root = HelpRequestParser.readTree(body);
        if (root == null || root.isMissingNode()) {
            throw ApiException.badRequest(JsonErrors.MALFORMED_JSON, "the body is empty; send a JSON object");
        }
        if (!root.isObject()) {
            throw ApiException.badRequest(JsonErrors.INVALID_RATING, "the body must be a JSON object");
        }
        JsonNode score = root.get("score");
        if (score == null || !score.isIntegralNumber() || !score.canConvertToInt()
                || score.intValue() < Rating.LOWEST || score.intValue() > Rating.HIGHEST) {
            throw ApiException.badRequest(JsonErrors.INVALID_RATING,
                    "score must be a whole number from " + Rating.LOWEST + " to " + Rating.HIGHEST);
        }
        JsonNode comment = root.get("comment");
        if (comment != null && !comment.isNull() && !comment.isTextual()) {
            throw ApiException.badRequest(JsonErrors.INVALID_RATING, "comment must be a string");
        }
        String text = comment == null || comment.isNull() ? null : comment.textValue();
        if (text != null && text.strip().length() > Rating.MAX_COMMENT_LENGTH) {
            throw ApiException.badRequest(JsonErrors.INVALID_RATING,
                    "comment has at most " + Rating.MAX_COMMENT_LENGTH + " characters");
        }
        JsonNode key = root.get("idempotencyKey");
        if (key != null && !key.isNull() && !key.isTextual()) {
            throw ApiException.badRequest(JsonErrors.INVALID_IDEMPOTENCY_KEY, "idempotencyKey must be a string");
        }
        return new Given(new Rating(score.intValue(), text),
                HelpRequestParser.idempotencyKey(key == null || key.isNull() ? null : key.textValue(), "idempotencyKey"));
    }

    static byte[] write(String conversationId, Rating rating) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("conversationId", conversationId);
            json.writeNumberField("score", rating.score());
            json.writeStringField("comment", rating.comment());
            json.writeEndObject();
        });
    }
}
