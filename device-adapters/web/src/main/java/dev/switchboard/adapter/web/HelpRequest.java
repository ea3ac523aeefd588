package dev.switchboard.adapter.web;

import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.DeviceContext;

/**
 * A customer's message as the JSON body states it, checked but not yet completed with defaults.
 *
 * @param text           what the customer wrote, never blank
 * @param sender         the web visitor id or the app install id the client sent, or {@code null}
 * @param context        the device context from the body (without the user agent, which is a header)
 * @param idempotencyKey the key the body sent, or {@code null}
 * @param request        a call back or text the customer asks for, or {@code null}
 * @param forAgent       whether the customer asked that a person answer (the widget's offline form)
 */
record HelpRequest(String text, CustomerAddress sender, DeviceContext context, String idempotencyKey,
                   ContactRequest request, boolean forAgent) {
}
