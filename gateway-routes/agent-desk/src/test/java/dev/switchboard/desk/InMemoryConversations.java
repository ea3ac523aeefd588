package dev.switchboard.desk;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.DeliveryStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversation threads in a map, for the desk's use cases tested without Hazelcast. */
final class InMemoryConversations implements ConversationStore {
    final Map<String, Conversation> threads = new HashMap<>();

    @Override
    public Optional<Conversation> get(String conversationId) {
        return Optional.ofNullable(threads.get(conversationId));
    }

    @Override
    public void record(String conversationId, Conversation opening, List<StoredMessage> messages,
                       CustomerContext context) {
        Conversation before = threads.containsKey(conversationId) ? threads.get(conversationId) : opening;
        threads.put(conversationId, before.with(messages));
    }

    @Override
    public void recordDelivery(String conversationId, String messageId, DeliveryStatus status, String detail) {
        threads.computeIfPresent(conversationId, (id, thread) -> thread.withDelivery(messageId, status, detail));
    }
}
