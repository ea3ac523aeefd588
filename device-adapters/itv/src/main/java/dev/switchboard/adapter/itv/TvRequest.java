package dev.switchboard.adapter.itv;

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
 */
record TvRequest(SetTopId setTopId, String text, TvContext tv, String idempotencyKey) {
}
