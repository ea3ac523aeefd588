package dev.switchboard.spi;

import java.util.Optional;

/**
 * The hub as an adapter sees it: hand in a customer's message, get the stored outcome back.
 *
 * <p>Calls block until the message is stored durably and the reply is decided, so an adapter may
 * acknowledge its channel (an HTTP response, a deliver_sm_resp) as soon as the call returns. A call that
 * throws has stored nothing: the adapter answers its client with an error and the client may retry with
 * the same idempotency key. Thread-safe.
 */
public interface HelpDesk {

    /**
     * Takes one customer message into the help desk.
     *
     * @param interaction   the message
     * @param customerToken the customer token the client holds, or {@code null}. Needed to continue an
     *                      existing conversation from a {@link CustomerAddress#selfAsserted()} address.
     * @return the outcome; for a repeated idempotency key, the first outcome with {@code duplicate} set
     * @throws CustomerTokenRequiredException when the token is needed and missing or wrong
     * @throws IllegalArgumentException       when the interaction breaks a limit of the hub (text too long);
     *                                        the message says which
     */
    Outcome submit(Interaction interaction, String customerToken);

    /**
     * Reads a conversation for the customer who holds its token. An unknown id and a wrong token give the
     * same empty answer, so that a caller learns nothing about other customers' conversations.
     */
    Optional<ConversationView> conversation(String conversationId, String customerToken);
}
