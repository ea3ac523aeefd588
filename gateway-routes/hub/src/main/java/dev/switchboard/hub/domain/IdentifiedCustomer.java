package dev.switchboard.hub.domain;

/**
 * Who sent an interaction, as the hub worked it out.
 *
 * @param customer     the customer record
 * @param conversation his conversation thread: as stored, or as it will start when it is not stored yet
 * @param token        the customer token to hand back: newly issued, or the valid one presented; else {@code null}
 * @param newCustomer  whether this interaction created the customer
 * @param stored       whether the conversation is stored already
 * @param primary      the customer whose thread agents see this message in and route it with: {@code customer}
 *                     himself, unless an agent merged him into another ({@link CustomerMerges})
 */
public record IdentifiedCustomer(Customer customer, Conversation conversation, String token, boolean newCustomer,
                                 boolean stored, Customer primary) {

    /** The conversation agents route this customer's messages with. */
    public String routingConversationId() {
        return primary.conversationId();
    }
}
