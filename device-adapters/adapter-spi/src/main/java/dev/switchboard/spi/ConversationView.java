package dev.switchboard.spi;

import java.util.List;

/**
 * A customer's conversation thread as the customer may see it: every message, whatever channel it came by.
 *
 * @param id       the conversation id
 * @param address  the customer address the conversation was opened from
 * @param messages the messages, oldest first
 */
public record ConversationView(String id, CustomerAddress address, List<ThreadMessage> messages) {
    public ConversationView {
        messages = List.copyOf(messages);
    }
}
