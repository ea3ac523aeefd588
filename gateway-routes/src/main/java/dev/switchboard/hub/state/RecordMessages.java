package dev.switchboard.hub.state;

import com.hazelcast.map.EntryProcessor;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import java.util.List;
import java.util.Map;

/**
 * Appends messages to a conversation where the entry lives, so that two nodes appending at once never
 * overwrite each other; stores the opening conversation first when there is none. Returns whether the
 * conversation is stored (only a small answer travels back, however long the thread).
 */
final class RecordMessages implements EntryProcessor<String, Conversation, Boolean> {
    private static final long serialVersionUID = 1L;

    private final Conversation opening;
    private final List<StoredMessage> messages;
    private final CustomerContext context;

    RecordMessages(Conversation opening, List<StoredMessage> messages, CustomerContext context) {
        this.opening = opening;
        this.messages = List.copyOf(messages);
        this.context = context;
    }

    @Override
    public Boolean process(Map.Entry<String, Conversation> entry) {
        Conversation before = entry.getValue() == null ? opening : entry.getValue();
        if (before == null) {
            return false;
        }
        Conversation after = before.with(messages);
        if (context != null) {
            after = after.withContext(context);
        }
        if (after != entry.getValue()) {
            entry.setValue(after);
        }
        return true;
    }
}
