package dev.switchboard.hub.state;

import com.hazelcast.map.EntryProcessor;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import java.util.Map;

/**
 * Appends one message to a conversation where the entry lives, so that two nodes appending at once never
 * overwrite each other. Returns the conversation afterwards, or {@code null} when there is none.
 */
final class AppendMessage implements EntryProcessor<String, Conversation, Conversation> {
    private static final long serialVersionUID = 1L;

    private final StoredMessage message;
    private final CustomerContext context;

    AppendMessage(StoredMessage message, CustomerContext context) {
        this.message = message;
        this.context = context;
    }

    @Override
    public Conversation process(Map.Entry<String, Conversation> entry) {
        Conversation before = entry.getValue();
        if (before == null) {
            return null;
        }
        Conversation after = before.with(message);
        if (context != null) {
            after = after.withContext(context);
        }
        if (after != before) {
            entry.setValue(after);
        }
        return after;
    }
}
