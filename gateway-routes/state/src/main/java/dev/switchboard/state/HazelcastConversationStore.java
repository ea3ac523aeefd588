package dev.switchboard.state;

import com.hazelcast.map.IMap;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.DeliveryStatus;
import java.util.List;
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
    public void record(String conversationId, Conversation opening, List<StoredMessage> messages,
                       CustomerContext context) {
        Boolean recorded = conversations.executeOnKey(conversationId, new RecordMessages(opening, messages, context));
        if (!Boolean.TRUE.equals(recorded)) {
            throw new IllegalStateException("conversation " + conversationId + " is not stored");
        }
    }

    @Override
    public void recordDelivery(String conversationId, String messageId, DeliveryStatus status, String detail) {
        conversations.executeOnKey(conversationId, new RecordDelivery(messageId, status, detail));
    }
}
