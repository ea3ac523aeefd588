package dev.switchboard.hub.domain;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.ThreadMessage;
import java.util.Optional;

/**
 * A conversation as its customer may see it, for the holder of its token only. An unknown id and a wrong
 * token look the same from outside.
 */
public final class ReadConversation {
    private final ConversationStore conversations;
    private final CustomerDirectory directory;

    public ReadConversation(ConversationStore conversations, CustomerDirectory directory) {
        this.conversations = conversations;
        this.directory = directory;
    }

    public Optional<ConversationView> forCustomer(String conversationId, String customerToken) {
        if (conversationId == null || customerToken == null) {
            return Optional.empty();
        }
        return conversations.get(conversationId)
                .filter(conversation -> CustomerTokens.matches(customerToken, conversation.tokenHash()))
                .map(ReadConversation::view);
    }

    /** The conversation of the customer {@code address} belongs to, for a caller that vouches for the address. */
    public Optional<ConversationView> forVouched(CustomerAddress address) {
        return directory.linkOf(address.key())
                .flatMap(link -> directory.customer(link.customerId()))
                .flatMap(customer -> conversations.get(customer.conversationId()))
                .map(ReadConversation::view);
    }

    static ConversationView view(Conversation conversation) {
        return new ConversationView(conversation.id(), CustomerAddress.parse(conversation.openedFrom()),
                conversation.messages().stream().map(ReadConversation::asThreadMessage).toList());
    }

    static ThreadMessage asThreadMessage(StoredMessage m) {
        return new ThreadMessage(m.id(), Channel.of(m.channel()), m.direction(), m.author(), m.text(), m.at(),
                m.delivery(), m.deliveryDetail());
    }
}
