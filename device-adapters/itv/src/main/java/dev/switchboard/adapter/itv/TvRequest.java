package dev.switchboard.adapter.itv;

import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.SetTopId;
import dev.switchboard.spi.TvContext;

/**
 * One message from the TV overlay, checked: a question the viewer picked or typed, or a request he made
 * with a colour key, already put into words for the thread.
 *
 * @param setTopId       the box's persistent id
 * @param text           what goes into the conversation (may be empty: the viewer opened the overlay)
 * @param tv             what the box is tuned to, or {@code null} when it did not say
 * @param idempotencyKey the key the app sent, or {@code null}
 * @param kind           the colour key's request, or {@code null} for a question
 * @param phone          the number keyed in for yellow or blue, otherwise {@code null}
 * @param shown          for yellow, the answer that was on the screen, or {@code null} when the app did not say
 */
record TvRequest(SetTopId setTopId, String text, TvContext tv, String idempotencyKey, TvRequestKind kind,
                 E164Number phone, ShownAnswer shown) {

    /** A question (no colour key). */
    TvRequest(SetTopId setTopId, String text, TvContext tv, String idempotencyKey) {
        this(setTopId, text, tv, idempotencyKey, null, null, null);
    }

    /** An answer of the help desk as the overlay showed it: a message of the box's conversation. */
    record ShownAnswer(String conversationId, String messageId) {
    }
}
