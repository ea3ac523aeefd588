package dev.switchboard.adapter.testkit;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadPage;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The threads of a {@link RecordingHelpDesk}: one conversation per address ({@code c-1}, {@code c-2}, ...) with the
 * customer token issued when it opened, and message ids unique in the desk ({@code m-1}, {@code m-2}, ...). Not
 * thread-safe: the desk guards it.
 */
final class Conversations {
    /** One customer's conversation. */
    static final class Conversation {
        final String id;
        final CustomerAddress address;
        final String token = "token-" + UUID.randomUUID();
        private final List<ThreadMessage> messages = new ArrayList<>();

        private Conversation(String id, CustomerAddress address) {
            this.id = id;
            this.address = address;
        }

        /** The page of the thread asked for: message {@code i} (0-based, oldest first) has the cursor {@code i}. */
        ConversationView view(ThreadPage page) {
            int end = (int) Math.min(page.beforePosition(), messages.size());
            int start = Math.max(0, end - page.limit());
            return new ConversationView(id, address, messages.subList(start, end),
                    start == 0 ? null : ThreadPage.cursorBefore(start));
        }
    }

    private final Map<String, Conversation> byAddress = new HashMap<>();
    private final Map<String, Conversation> byId = new HashMap<>();
    private int messageCount;

    Optional<Conversation> of(CustomerAddress address) {
        return Optional.ofNullable(byAddress.get(address.key()));
    }

    Optional<Conversation> byId(String conversationId) {
        return Optional.ofNullable(byId.get(conversationId));
    }

    Conversation open(CustomerAddress address) {
        Conversation conversation = new Conversation("c-" + (byId.size() + 1), address);
        byAddress.put(address.key(), conversation);
        byId.put(conversation.id, conversation);
        return conversation;
    }

    /** Adds a message to {@code conversation}'s thread; returns its id. */
    String add(Conversation conversation, Channel channel, Direction direction, String author, String text,
               Instant at) {
        String id = "m-" + (++messageCount);
        conversation.messages.add(new ThreadMessage(id, channel, direction, author, text, at));
        return id;
    }

    /** The channel {@code conversation} was opened on. */
    static Channel channelOf(Conversation conversation) {
        return conversation.messages.get(0).channel();
    }

    String idOf(String addressKey) {
        return byAddress.get(addressKey).id;
    }

    List<String> tokens() {
        return byAddress.values().stream().map(conversation -> conversation.token).toList();
    }
}
