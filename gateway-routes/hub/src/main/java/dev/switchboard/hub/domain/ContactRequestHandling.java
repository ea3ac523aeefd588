package dev.switchboard.hub.domain;

import dev.switchboard.spi.CallReport;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.Reply;

/**
 * What the desk does when a customer asks to be called back or texted, as the hub's routes see it: the
 * reply that says what will happen, the action once the message is stored, and how each call went.
 */
public interface ContactRequestHandling {

    /**
     * The reply to the customer's message carrying {@code request}.
     *
     * @param conversation the thread with the customer's message appended
     */
    Reply reply(Conversation conversation, ContactRequest request);

    /**
     * Acts on {@code request} once the customer's message and its reply are stored.
     *
     * @param requestKey the customer message's idempotency key: acting twice on one message acts once
     */
    void act(Conversation conversation, ContactRequest request, String requestKey);

    /** Logs a call in the thread, once per call and status; a conversation the desk does not know is ignored. */
    void reportCall(String conversationId, CallReport report);
}
