package dev.switchboard.desk;

import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.CustomerDirectory;
import dev.switchboard.hub.domain.CustomerMerges;
import dev.switchboard.hub.domain.CustomerTokens;
import dev.switchboard.hub.domain.Ids;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.InvalidAddressException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An agent links an address the customer told him (his phone number, his email address) to the customer of a
 * conversation, for the channel he is reached on there, before the customer used it. The address becomes a
 * customer record of its own, with an empty thread, merged at once into the conversation's customer
 * ({@link CustomerMerging}): the customer's later contacts from it are routed with this conversation, agents see
 * them in its one thread, and an agent's answer on that channel goes to the address. As with any merge nothing
 * moves, so a wrong number cannot show anybody's texts to the web visitor, and the link is undone by undoing
 * the merge. An address somebody has written from already is refused: that customer is merged instead.
 * Visitor, set-top and app ids are not linked by hand: they are claims a device makes about itself.
 */
public final class AddressLinking {
    private final CustomerDirectory directory;
    private final CustomerMerges merges;
    private final ConversationStore conversations;
    private final CustomerMerging merging;
    private final Clock clock;

    public AddressLinking(CustomerDirectory directory, CustomerMerges merges, ConversationStore conversations,
                          CustomerMerging merging, Clock clock) {
        this.directory = directory;
        this.merges = merges;
        this.conversations = conversations;
        this.merging = merging;
        this.clock = clock;
    }

    /**
     * The address's key ({@code email:jo@example.com}), its link, and the conversation of the address's own
     * customer, which is merged into the conversation's customer.
     */
    public record Linked(String address, AddressLink link, String addressConversationId) {
    }

    /**
     * Links {@code address} (an E.164 number or an email address) to the customer of {@code conversationId}, for
     * {@code channel}. Linking an address that is his already changes nothing.
     */
    public Linked link(AgentAccount by, String conversationId, String channel, String address) {
        String channelId = channel(channel);
        CustomerAddress parsed = address(address);
        Conversation conversation = merging.conversation(conversationId);
        Instant now = clock.instant();
        AddressLink holding = directory.linkIfAbsent(parsed.key(),
                new AddressLink(Ids.next("cu-"), channelId, now));
        Customer owner = directory.customerOf(holding, now);
        if (merges.primaryOf(owner.id()).equals(merges.primaryOf(conversation.customerId()))) {
            return new Linked(parsed.key(), holding, owner.conversationId());
        }
        Optional<Conversation> ownThread = conversations.get(owner.conversationId());
        if (merges.of(owner.id()).isPresent() || ownThread.map(c -> !c.isEmpty()).orElse(false)) {
            throw AgentDeskException.conflict(parsed.value() + " is another customer's address already:"
                    + " merge that customer's conversation into this one instead");
        }
        if (ownThread.isEmpty()) {
            // Nobody holds its token: the address's own devices are vouched for by their network, not by a token.
            conversations.record(owner.conversationId(), Conversation.open(owner.conversationId(), owner.id(),
                    parsed.key(), CustomerTokens.hash(CustomerTokens.newToken()), now), List.of(), null);
        }
        merging.merge(by, conversationId, owner.conversationId());
        return new Linked(parsed.key(), holding, owner.conversationId());
    }

    private static String channel(String channel) {
        if (channel == null || channel.isBlank()) {
            throw AgentDeskException.invalid("name the channel the customer is reached on at this address");
        }
        try {
            return Channel.of(channel.strip()).id();
        } catch (IllegalArgumentException e) {
            throw AgentDeskException.invalid(e.getMessage());
        }
    }

    private static CustomerAddress address(String address) {
        if (address == null || address.isBlank()) {
            throw AgentDeskException.invalid("an address is a phone number in E.164 (+447700900123) or an email address");
        }
        String text = address.strip();
        try {
            return text.contains("@") ? new EmailAddress(text) : new E164Number(text);
        } catch (InvalidAddressException e) {
            throw AgentDeskException.invalid(e.getMessage());
        }
    }
}
