package dev.switchboard.hub.domain;

import dev.switchboard.spi.CustomerAddress;

/**
 * Where a customer's message is kept when nobody is on duty to answer it and the knowledge base had no answer:
 * an offline message, for the managers to see and resolve and the agents to be told of.
 */
public interface OfflineMessages {
    /** Keeps nothing: for a hub without an agent desk (some tests). */
    OfflineMessages NONE = (conversationId, customerId, from, message) -> { };

    /**
     * Keeps the customer's message, once it is stored in his thread.
     *
     * @param from    the address he wrote from
     * @param message his message as the thread keeps it (channel, text, time)
     */
    void leave(String conversationId, String customerId, CustomerAddress from, StoredMessage message);
}
