/**
 * The {@code web} device adapter: the customer JSON API of the web chat widget and the mobile app.
 *
 * <ul>
 *   <li>{@code POST /api/help} {@code {"text", "visitorId"?, "idempotencyKey"?, "context"?}}: 201 with the
 *       {@code OutcomeJson} body, 200 with the same shape for a repeated
 *       idempotency key. {@code Authorization: Bearer <customerToken>} continues a visitor's conversation.</li>
 *   <li>{@code POST /api/conversations/{id}/messages} {@code {"text", "idempotencyKey"?, "context"?}} with the
 *       token: the same answers.</li>
 *   <li>{@code GET /api/conversations/{id}} with the token: 200 with the newest page of the thread, the
 *       {@code ConversationJson} body; {@code ?before=<olderCursor>&limit=<1 to 200>} reads older pages.</li>
 * </ul>
 *
 * <p>Refusals are {@code {"error": "<code>", "message": "<reason>"}}: 400 (malformed JSON, missing or
 * too long text, invalid visitor id, location, locale or other context, idempotency key, page query; a limit of
 * the help desk), 403 {@code token-required}, 404 {@code not-found} (the same body for an unknown conversation,
 * someone else's and a missing or wrong token), 405, 413 (body over 64 KiB), 415 (not
 * {@code application/json} in UTF-8), 500 {@code internal}.
 */
package dev.switchboard.adapter.web;
