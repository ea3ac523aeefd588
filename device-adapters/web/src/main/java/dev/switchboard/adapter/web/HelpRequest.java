package dev.switchboard.adapter.web;

import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.WebVisitorId;

/**
 * A customer's message as the JSON body states it, checked but not yet completed with defaults.
 *
 * @param text           what the customer wrote, never blank
 * @param visitorId      the visitor id the client sent, or {@code null}
 * @param context        the device context from the body (without the user agent, which is a header)
 * @param idempotencyKey the key the body sent, or {@code null}
 * @param request        a call back or text the customer asks for, or {@code null}
 */
record HelpRequest(String text, WebVisitorId visitorId, DeviceContext context, String idempotencyKey,
                   ContactRequest request) {
}
