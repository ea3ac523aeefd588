package dev.switchboard.hub.domain;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadPage;
import java.util.Optional;

/**
 * A conversation as its customer may see it, for the holder of its token only. An unknown id and a wrong
 * token look the same from outside.
 */
public final class ReadConversation {
    private final ConversationStore conversations;
    private final CustomerDirectory directory;
    private final CustomerRatings ratings;

    public ReadConversation(ConversationStore conversations, CustomerDirectory directory, CustomerRatings ratings) {
        this.conversations = conversations;
        this.directory = directory;
        this.ratings = ratings;
    }

    /** Reads conversations of a hub that asks no ratings. */
    public ReadConversation(ConversationStore conversations, CustomerDirectory directory) {
        this(conversations, directory, CustomerRatings.NONE);
    }

    public Optional<ConversationView> forCustomer(String conversationId, String customerToken, ThreadPage page) {
        if (conversationId == null || customerToken == null) {
            return Optional.empty();
        }
        return conversations.get(conversationId)
                .filter(conversation -> CustomerTokens.matches(customerToken, conversation.tokenHash()))
                .map(conversation -> view(conversation, page));
    }

    /** The conversation of the customer {@code address} belongs to, for a caller that vouches for the address. */
    public Optional<ConversationView> forVouched(CustomerAddress address, ThreadPage page) {
        return directory.linkOf(address.key())
                .flatMap(link -> directory.customer(link.customerId()))
                .flatMap(customer -> conversations.get(customer.conversationId()))
                .map(conversation -> view(conversation, page));
    }

    private ConversationView view(Conversation conversation, ThreadPage page) {
        ConversationStore.MessagePage messages = conversation.isEmpty() ? ConversationStore.MessagePage.EMPTY
                : conversations.page(conversation.id(), page);
        return new ConversationView(conversation.id(), CustomerAddress.parse(conversation.openedFrom()),
                messages.messages().stream().map(ReadConversation::asThreadMessage).toList(), messages.olderCursor(),
                ratings.asked(conversation.id()), conversation.agentsReadUpTo());
    }

    static ThreadMessage asThreadMessage(StoredMessage m) {
        return new ThreadMessage(m.id(), Channel.of(m.channel()), m.direction(), m.author(), m.text(), m.at(),
                m.delivery(), m.deliveryDetail());
    }
}
