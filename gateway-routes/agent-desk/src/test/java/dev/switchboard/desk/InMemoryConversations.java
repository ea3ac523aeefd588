package dev.switchboard.desk;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.ThreadMessage.Direction;
import dev.switchboard.spi.ThreadPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversation threads in maps, for the desk's use cases tested without Hazelcast or a database. */
final class InMemoryConversations implements ConversationStore {
    final Map<String, Conversation> threads = new HashMap<>();
    final Map<String, List<StoredMessage>> messages = new HashMap<>();

    @Override
    public Optional<Conversation> get(String conversationId) {
        return Optional.ofNullable(threads.get(conversationId));
    }

    /** Stores a thread that starts as {@code opening} with {@code messages} in it. */
    void put(Conversation opening, StoredMessage... messages) {
        record(opening.id(), opening, List.of(messages), null);
    }

    /** Every message of a thread, oldest first. */
    List<StoredMessage> messages(String conversationId) {
        return List.copyOf(messages.getOrDefault(conversationId, List.of()));
    }

    @Override
    public void record(String conversationId, Conversation opening, List<StoredMessage> more,
                       CustomerContext context, KeyedOutcome outcome) {
        Conversation before = threads.containsKey(conversationId) ? threads.get(conversationId) : opening;
        if (before == null) {
            throw new IllegalStateException("conversation " + conversationId + " is not stored");
        }
        List<StoredMessage> thread = messages.computeIfAbsent(conversationId, id -> new ArrayList<>());
        List<StoredMessage> added = new ArrayList<>();
        for (StoredMessage message : more) {
            if (find(conversationId, message.direction(), message.idempotencyKey()).isEmpty()) {
                thread.add(message);
                added.add(message);
            }
        }
        threads.put(conversationId, before.after(added, context));
    }

    @Override
    public void recordDelivery(String conversationId, String messageId, DeliveryStatus status, String detail) {
        List<StoredMessage> thread = messages.getOrDefault(conversationId, List.of());
        for (int i = 0; i < thread.size(); i++) {
            if (thread.get(i).id().equals(messageId)) {
                thread.set(i, thread.get(i).withDelivery(status, detail));
            }
        }
    }

    @Override
    public Optional<Conversation> markRead(String conversationId, Conversation.Reader reader, String messageId) {
        Optional<StoredMessage> message = messages.getOrDefault(conversationId, List.of()).stream()
                .filter(m -> m.id().equals(messageId)).findFirst();
        Conversation before = threads.get(conversationId);
        if (message.isEmpty() || before == null) {
            return Optional.empty();
        }
        Conversation after = before.readBy(reader, message.get().at());
        threads.put(conversationId, after);
        return after == before ? Optional.empty() : Optional.of(after);
    }

    @Override
    public Optional<StoredMessage> find(String conversationId, Direction direction, String idempotencyKey) {
        return messages.getOrDefault(conversationId, List.of()).stream()
                .filter(m -> m.direction() == direction && m.idempotencyKey().equals(idempotencyKey)).findFirst();
    }

    @Override
    public MessagePage page(String conversationId, ThreadPage page) {
        List<StoredMessage> thread = messages.getOrDefault(conversationId, List.of());
        int end = (int) Math.min(page.beforePosition(), thread.size());
        int start = Math.max(0, end - page.limit());
        return new MessagePage(thread.subList(start, end), start == 0 ? null : ThreadPage.cursorBefore(start));
    }
}
