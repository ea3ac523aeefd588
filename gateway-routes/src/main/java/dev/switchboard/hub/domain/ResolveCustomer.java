package dev.switchboard.hub.domain;

import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.CustomerTokenRequiredException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Works out which customer an address belongs to, creating the customer and his conversation on first
 * contact. Safe when two first contacts from one address race on two nodes: the address link is claimed
 * atomically and the loser joins the winner's customer. Each step can be repeated after a crash.
 */
public final class ResolveCustomer {
    private final CustomerDirectory directory;
    private final ConversationStore conversations;
    private final Clock clock;

    public ResolveCustomer(CustomerDirectory directory, ConversationStore conversations, Clock clock) {
        this.directory = directory;
        this.conversations = conversations;
        this.clock = clock;
    }

    /**
     * @param address        who wrote
     * @param channelId      the channel of this contact, recorded as the link's source on first contact
     * @param presentedToken the customer token the client sent, or {@code null}
     * @throws CustomerTokenRequiredException when a self-asserted address belongs to a customer already
     *                                        and the token is missing or wrong
     */
    public IdentifiedCustomer resolve(CustomerAddress address, String channelId, String presentedToken) {
        String addressKey = address.key();
        Optional<AddressLink> existing = directory.linkOf(addressKey);
        if (existing.isPresent()) {
            return returning(existing.get(), address, presentedToken);
        }
        Instant now = clock.instant();
        AddressLink proposed = new AddressLink(Ids.next("cu-"), channelId, now);
        AddressLink holding = directory.linkIfAbsent(addressKey, proposed);
        if (!holding.customerId().equals(proposed.customerId())) {
            return returning(holding, address, presentedToken);
        }
        Customer customer = new Customer(proposed.customerId(), Ids.next("cv-"), now);
        directory.save(customer);
        String token = CustomerTokens.newToken();
        Conversation conversation = conversations.createIfAbsent(Conversation.open(
                customer.conversationId(), customer.id(), addressKey, CustomerTokens.hash(token), now));
        return new IdentifiedCustomer(customer, conversation, token, true);
    }

    private IdentifiedCustomer returning(AddressLink link, CustomerAddress address, String presentedToken) {
        Instant now = clock.instant();
        // A crash between claiming the link and saving the customer leaves a link without a record: finish the job.
        Customer customer = directory.customer(link.customerId()).orElseGet(() -> {
            Customer recreated = new Customer(link.customerId(), Ids.next("cv-"), now);
            directory.save(recreated);
            return recreated;
        });
        Optional<Conversation> stored = conversations.get(customer.conversationId());
        if (stored.isEmpty()) {
            String token = CustomerTokens.newToken();
            Conversation opened = conversations.createIfAbsent(Conversation.open(
                    customer.conversationId(), customer.id(), address.key(), CustomerTokens.hash(token), now));
            return new IdentifiedCustomer(customer, opened, token, false);
        }
        Conversation conversation = stored.get();
        boolean tokenValid = CustomerTokens.matches(presentedToken, conversation.tokenHash());
        if (address.selfAsserted() && !tokenValid) {
            throw new CustomerTokenRequiredException(
                    "this " + describe(address) + " already has a conversation: send its customer token"
                            + " (Authorization: Bearer ...) to continue it, or use a new id");
        }
        return new IdentifiedCustomer(customer, conversation, tokenValid ? presentedToken : null, false);
    }

    private static String describe(CustomerAddress address) {
        return switch (address.kind()) {
            case "visitor" -> "visitor id";
            case "settop" -> "set-top id";
            case "app" -> "app install id";
            default -> "address";
        };
    }
}
