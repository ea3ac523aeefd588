package dev.switchboard.hub.domain;

import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.CustomerTokenRequiredException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Works out which customer an address belongs to, creating the customer on first contact. Safe when two
 * first contacts from one address race on two nodes: the address link is claimed atomically and the loser
 * joins the winner's customer. A new customer's conversation is returned as it will start; it is stored
 * with the first messages (see {@link ConversationStore#record}). Each step can be repeated after a crash.
 */
public final class ResolveCustomer {
    private final CustomerDirectory directory;
    private final ConversationStore conversations;
    private final CustomerMerges merges;
    private final Clock clock;

    public ResolveCustomer(CustomerDirectory directory, ConversationStore conversations, CustomerMerges merges,
                           Clock clock) {
        this.directory = directory;
        this.conversations = conversations;
        this.merges = merges;
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
        // No look-up first: the directory answers a known address from its cache, and claims an unknown one for a
        // new customer in one write that also finds a link it did not have in memory.
        Instant now = clock.instant();
        AddressLink proposed = new AddressLink(Ids.next("cu-"), channelId, now);
        Customer customer = new Customer(proposed.customerId(), Ids.next("cv-"), now);
        AddressLink holding = directory.linkNewCustomer(addressKey, proposed, customer);
        if (!holding.customerId().equals(proposed.customerId())) {
            return returning(holding, address, presentedToken);
        }
        return opening(customer, address, true);
    }

    private IdentifiedCustomer returning(AddressLink link, CustomerAddress address, String presentedToken) {
        Customer customer = directory.customerOf(link, clock.instant());
        Optional<Conversation> stored = conversations.get(customer.conversationId());
        if (stored.isEmpty() && !address.selfAsserted()) {
            return opening(customer, address, false);
        }
        boolean tokenValid = stored.isPresent() && CustomerTokens.matches(presentedToken, stored.get().tokenHash());
        if (address.selfAsserted() && !tokenValid) {
            throw new CustomerTokenRequiredException(
                    "this " + describe(address) + " already has a conversation: send its customer token"
                            + " (Authorization: Bearer ...) to continue it, or use a new id");
        }
        return new IdentifiedCustomer(customer, stored.get(), tokenValid ? presentedToken : null, false, true,
                primaryOf(customer));
    }

    private IdentifiedCustomer opening(Customer customer, CustomerAddress address, boolean newCustomer) {
        String token = CustomerTokens.newToken();
        Conversation opening = Conversation.open(
                customer.conversationId(), customer.id(), address.key(), CustomerTokens.hash(token), clock.instant());
        return new IdentifiedCustomer(customer, opening, token, newCustomer, false,
                newCustomer ? customer : primaryOf(customer));
    }

    private Customer primaryOf(Customer customer) {
        String primary = merges.primaryOf(customer.id());
        return primary.equals(customer.id()) ? customer : directory.customer(primary).orElse(customer);
    }

    private static String describe(CustomerAddress address) {
        return switch (address.kind()) {
            case "visitor" -> "visitor id";
            case "settop" -> "set-top id";
            case "app" -> "app install id";
            case "site-customer" -> "site customer id";
            default -> "address";
        };
    }
}
