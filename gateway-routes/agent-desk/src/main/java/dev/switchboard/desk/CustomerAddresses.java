package dev.switchboard.desk;

import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.CustomerDirectory;
import dev.switchboard.spi.CustomerAddress;
import java.util.Optional;

/**
 * Where a customer can be answered. A customer record has one address, the one his conversation was opened
 * from: another address makes another customer, whom an agent merges with him. So the customer is reached on
 * a channel at that address when he wrote on the channel, or when the address was linked for it (the link's
 * source: the channel of his first contact, or the one an agent linked it for). Found from his own thread and
 * the address's link, without an index over every link.
 */
public final class CustomerAddresses {
    private final CustomerDirectory directory;

    public CustomerAddresses(CustomerDirectory directory) {
        this.directory = directory;
    }

    /** The address of the customer whose own thread {@code own} is, if he can be answered on {@code channel}. */
    public Optional<CustomerAddress> on(Conversation own, String channel) {
        boolean reachable = wroteOn(own, channel) || linkedFor(own, channel);
        return reachable ? Optional.of(CustomerAddress.parse(own.openedFrom())) : Optional.empty();
    }

    private static boolean wroteOn(Conversation own, String channel) {
        return own.heardOn(channel);
    }

    private boolean linkedFor(Conversation own, String channel) {
        return directory.linkOf(own.openedFrom())
                .filter(link -> link.customerId().equals(own.customerId()) && link.source().equals(channel))
                .isPresent();
    }
}
