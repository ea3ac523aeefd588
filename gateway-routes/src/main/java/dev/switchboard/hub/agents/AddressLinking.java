package dev.switchboard.hub.agents;

import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.ConversationStore;
import dev.switchboard.hub.domain.CustomerDirectory;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.InvalidAddressException;
import java.time.Clock;

/**
 * An agent links an address the customer told him (his phone number, his email address) to the customer of a
 * conversation, for the channel he will be reached on there. From then on the customer's contacts from that
 * address join his one thread, as if he had used it before, and an agent's answer on that channel goes to it.
 * An address that is another customer's already is refused: those two customers are merged instead
 * ({@link CustomerMerging}), which can be undone. Visitor, set-top and app ids are not linked by hand: they are
 * claims a device makes about itself, and come with the customer's token.
 */
public final class AddressLinking {
    private final CustomerDirectory directory;
    private final ConversationStore conversations;
    private final Clock clock;

    public AddressLinking(CustomerDirectory directory, ConversationStore conversations, Clock clock) {
        this.directory = directory;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** The link as it holds afterwards: {@code address} is its key ({@code email:ann@example.com}). */
    public record Linked(String address, AddressLink link) {
    }

    /**
     * Links {@code address} (an E.164 number or an email address) to the customer of {@code conversationId}, for
     * {@code channel}. Linking an address that is his already changes nothing.
     */
    public Linked link(String conversationId, String channel, String address) {
        String channelId = channel(channel);
        CustomerAddress parsed = address(address);
        Conversation conversation = conversations.get(conversationId)
                .orElseThrow(() -> AgentDeskException.notFound("no conversation " + conversationId));
        AddressLink holding = directory.linkIfAbsent(parsed.key(),
                new AddressLink(conversation.customerId(), channelId, clock.instant()));
        if (!holding.customerId().equals(conversation.customerId())) {
            throw AgentDeskException.conflict(parsed.value() + " is another customer's address already:"
                    + " merge that customer's conversation into this one instead");
        }
        return new Linked(parsed.key(), holding);
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
