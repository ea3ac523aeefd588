package dev.switchboard.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One message from a customer, in the gateway's own terms, made by an adapter from its native request.
 *
 * @param idempotencyKey the key that makes a retry harmless: the SMSC message id, Twilio's MessageSid,
 *                       an email's Message-ID, or a key the client sends. The hub processes a key once
 *                       per customer address and answers a repeat with the first outcome. 1-200 characters.
 * @param channel        the medium the message came by
 * @param profile        the markup the answer must be rendered in for this device
 * @param address        who sent it, as the channel knows him
 * @param text           what the customer wrote (may be empty, never {@code null})
 * @param context        what the device tells about the customer's situation
 * @param receivedAt     when the gateway received it
 * @param repeatable     whether the key came from the channel or the client, so that the same message may
 *                       arrive again with it; {@code false} when the adapter made a key up because none was
 *                       given: nobody can repeat such a message, so the hub keeps no record of its outcome
 * @param request        what the customer asks the desk to do besides answering (call him back, text him),
 *                       or {@code null}: see {@link ContactRequest}
 * @param forAgent       whether the customer asked that a person answer (an offline form: "leave a message"), so
 *                       that the knowledge base does not answer it in an agent's place
 * @param writtenTo      the address the customer wrote to, when the channel has more than one (the help desk's
 *                       mailbox an email reached), or {@code null}; routing rules may go by it
 */
public record Interaction(
        String idempotencyKey,
        Channel channel,
        DeviceProfile profile,
        CustomerAddress address,
        String text,
        DeviceContext context,
        Instant receivedAt,
        boolean repeatable,
        ContactRequest request,
        boolean forAgent,
        String writtenTo) {

    public static final int MAX_KEY_LENGTH = 200;

    public Interaction {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotency key is missing");
        }
        if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotency key is longer than " + MAX_KEY_LENGTH + " characters");
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(profile, "device profile");
        Objects.requireNonNull(address, "customer address");
        Objects.requireNonNull(text, "text");
        context = context == null ? DeviceContext.EMPTY : context;
        Objects.requireNonNull(receivedAt, "time received");
    }

    /** An interaction that does not tell the address it was written to. */
    public Interaction(String idempotencyKey, Channel channel, DeviceProfile profile, CustomerAddress address,
                       String text, DeviceContext context, Instant receivedAt, boolean repeatable,
                       ContactRequest request, boolean forAgent) {
        this(idempotencyKey, channel, profile, address, text, context, receivedAt, repeatable, request, forAgent,
                null);
    }

    /** An interaction any answer may take (see {@link #forAgent}). */
    public Interaction(String idempotencyKey, Channel channel, DeviceProfile profile, CustomerAddress address,
                       String text, DeviceContext context, Instant receivedAt, boolean repeatable,
                       ContactRequest request) {
        this(idempotencyKey, channel, profile, address, text, context, receivedAt, repeatable, request, false);
    }

    /** An interaction with no {@link ContactRequest}. */
    public Interaction(String idempotencyKey, Channel channel, DeviceProfile profile, CustomerAddress address,
                       String text, DeviceContext context, Instant receivedAt, boolean repeatable) {
        this(idempotencyKey, channel, profile, address, text, context, receivedAt, repeatable, null);
    }

    /** This interaction carrying {@code request} (the message's text says it in words). */
    public Interaction withRequest(ContactRequest request) {
        return new Interaction(idempotencyKey, channel, profile, address, text, context, receivedAt, repeatable,
                request, forAgent, writtenTo);
    }

    /** This interaction for a person to answer, not the knowledge base (see {@link #forAgent}). */
    public Interaction forAnAgent() {
        return new Interaction(idempotencyKey, channel, profile, address, text, context, receivedAt, repeatable,
                request, true, writtenTo);
    }

    /** This interaction written to {@code to} (see {@link #writtenTo}). */
    public Interaction sentTo(String to) {
        return new Interaction(idempotencyKey, channel, profile, address, text, context, receivedAt, repeatable,
                request, forAgent, to);
    }

    /** An interaction whose idempotency key came from the channel or the client (the usual case). */
    public Interaction(String idempotencyKey, Channel channel, DeviceProfile profile, CustomerAddress address,
                       String text, DeviceContext context, Instant receivedAt) {
        this(idempotencyKey, channel, profile, address, text, context, receivedAt, true, null);
    }
}
