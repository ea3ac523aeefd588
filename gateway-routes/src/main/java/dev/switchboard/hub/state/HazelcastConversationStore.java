package dev.switchboard.hub.state;

import com.hazelcast.map.IMap;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import java.util.Optional;

final class HazelcastConversationStore implements ConversationStore {
    private final IMap<String, Conversation> conversations;

    HazelcastConversationStore(IMap<String, Conversation> conversations) {
        this.conversations = conversations;
    }

    @Override
    public Optional<Conversation> get(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    @Override
    public Conversation createIfAbsent(Conversation conversation) {
        Conversation earlier = conversations.putIfAbsent(conversation.id(), conversation);
        return earlier == null ? conversation : earlier;
    }

    @Override
    public Conversation append(String conversationId, StoredMessage message, CustomerContext context) {
        Conversation updated = conversations.executeOnKey(conversationId, new AppendMessage(message, context));
        if (updated == null) {
            throw new IllegalStateException("conversation " + conversationId + " does not exist");
        }
        return updated;
    }
}
