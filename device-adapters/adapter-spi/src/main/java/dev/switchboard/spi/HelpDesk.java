package dev.switchboard.spi;

import java.util.List;
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
     * Keeps a customer's contact in his thread without the help desk answering it: for a contact the adapter
     * answers itself, such as a call to the help number that a phone menu takes. The customer is identified
     * as by {@link #submit} (a new one is made), the contact's text joins his thread as his message, and the
     * agent who has the conversation is told; nothing is decided, rendered or sent. A repeated idempotency key
     * (a retried webhook) adds nothing. Blocks until the message is stored durably.
     *
     * @param interaction the contact, its text saying what happened ("Called the help number.")
     * @return the conversation it was kept in
     * @throws IllegalArgumentException when the interaction breaks a limit of the hub
     */
    default String note(Interaction interaction) {
        throw new UnsupportedOperationException("this help desk keeps no threads");
    }

    /**
     * Reads a page of a conversation for the customer who holds its token. An unknown id and a wrong token give the
     * same empty answer, so that a caller learns nothing about other customers' conversations.
     */
    Optional<ConversationView> conversation(String conversationId, String customerToken, ThreadPage page);

    /** The newest page of a conversation (see {@link #conversation(String, String, ThreadPage)}). */
    default Optional<ConversationView> conversation(String conversationId, String customerToken) {
        return conversation(conversationId, customerToken, ThreadPage.newest());
    }

    /**
     * Reads the conversation of the customer a phone number belongs to, for an adapter that vouches for the
     * number: the operator's gateway identified the phone, or its user typed in a code texted to it. So a
     * customer who texted first sees those texts when his phone browses, though he never held a token. The same
     * for a {@link SiteCustomerId} whose site signature the adapter checked. Empty when the address has no
     * conversation yet.
     *
     * @param vouched an address that is not {@linkplain CustomerAddress#selfAsserted() self-asserted}
     */
    default Optional<ConversationView> conversationOf(CustomerAddress vouched, ThreadPage page) {
        return Optional.empty();
    }

    /** The newest page of the conversation of a vouched-for number (see {@link #conversationOf(CustomerAddress, ThreadPage)}). */
    default Optional<ConversationView> conversationOf(CustomerAddress vouched) {
        return conversationOf(vouched, ThreadPage.newest());
    }

    /**
     * Records how far an outgoing message got, for channels that learn it later (an SMSC's delivery
     * receipt). The status is kept on the message in the thread, durably, and shown with it. A report for
     * a message the hub does not know is ignored (a receipt may outlive its message's thread); a report
     * never moves a message back from a final status ({@link DeliveryStatus#DELIVERED},
     * {@link DeliveryStatus#FAILED}) to an earlier one.
     *
     * @param conversationId the conversation of the message, from {@link Outcome#conversationId()}
     * @param messageId      the message, from {@link Outcome#replyMessageId()}
     * @param status         its status now
     * @param detail         for {@link DeliveryStatus#FAILED}, the channel's reason; otherwise {@code null}
     */
    void reportDelivery(String conversationId, String messageId, DeliveryStatus status, String detail);

    /**
     * The topics of the self-service answers, in menu order: a customer may ask by a topic's name or its
     * 1-based number. For channels that offer a menu (an SMS "HELP").
     */
    List<String> topics();

    /**
     * Logs a phone call in the customer's thread, where agents see it: for a call back, how it ended; for a
     * call to the help number, that it happened. A report is kept once per call and status (a retried
     * callback is harmless); a report for a conversation the hub does not know is ignored.
     *
     * @param conversationId the conversation, from {@link VoiceDialer.CallBack#conversationId()} or the
     *                       {@link Outcome} of the call's interaction
     */
    default void reportCall(String conversationId, CallReport report) {
        throw new UnsupportedOperationException("this help desk keeps no call log");
    }

    /**
     * Records the customer's answer to the satisfaction question, for the holder of the conversation's token (a web
     * page, the app, the TV overlay). A rating counts only while one is asked, and once: a second answer is refused
     * ({@link RatingOutcome.Status#NOT_ASKED}) unless it repeats the first one's idempotency key, which gets the stored
     * rating back. Blocks until the rating is stored durably.
     *
     * @param channel        the channel the answer came by
     * @param idempotencyKey the client's key for this answer, or {@code null}
     * @return what happened; an unknown id and a wrong token give the same {@link RatingOutcome.Status#NOT_FOUND}
     */
    default RatingOutcome rate(String conversationId, String customerToken, Channel channel, Rating rating,
                               String idempotencyKey) {
        throw new UnsupportedOperationException("this help desk asks no ratings");
    }

    /**
     * Records the customer's answer to the satisfaction question, as {@link #rate}, for a device that holds no token
     * but an address the adapter vouches for (a company's signed customer id): the conversation must be the one of
     * the customer the address belongs to.
     *
     * @param vouched an address that is not {@linkplain CustomerAddress#selfAsserted() self-asserted}
     */
    default RatingOutcome rateAsVouched(String conversationId, CustomerAddress vouched, Channel channel, Rating rating,
                                        String idempotencyKey) {
        throw new UnsupportedOperationException("this help desk asks no ratings");
    }

    /**
     * Records the answer to the satisfaction question named by a link's secret ({@link RatingRequest#linkToken()}),
     * for a page an adapter serves at that link (the mail channel's). As {@link #rate}.
     */
    default RatingOutcome rateByLink(String linkToken, Channel channel, Rating rating, String idempotencyKey) {
        throw new UnsupportedOperationException("this help desk asks no ratings");
    }

    /**
     * Tells the agents who have the conversation that the customer is typing, for a client that shows it (the web
     * chat). Nothing is stored: an agent's desktop shows it for a few seconds, until the next such call or the
     * customer's message. For an adapter that checked the customer may see the conversation (it read it with his
     * token, or for an address it vouches for); an unknown conversation is ignored.
     */
    default void customerTyping(String conversationId) {
        // A help desk without agents has nobody to tell.
    }

    /**
     * Records that the customer has seen his thread up to message {@code messageId}, durably, and tells the agents
     * who have the conversation: their desktop shows their messages up to it as read. A mark never moves back; a
     * message the thread does not hold is ignored. For an adapter that checked the customer may see the conversation,
     * as {@link #customerTyping}.
     *
     * @return whether the mark moved forward
     */
    default boolean customerRead(String conversationId, String messageId) {
        return false;
    }

    /** Whether the question a link names is still asked (see {@link #rateByLink}); an unknown link is not. */
    default boolean ratingAskedByLink(String linkToken) {
        return false;
    }
}
