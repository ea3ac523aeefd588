package dev.switchboard.hub.state;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import dev.switchboard.hub.agents.CustomerAddresses;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.spi.CustomerAddress;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * A customer's addresses from the address links in memory. Links are loaded when an address is used, so
 * after a full restart a customer's addresses are found again as he writes from them.
 */
final class HazelcastCustomerAddresses implements CustomerAddresses {
    private final IMap<String, AddressLink> links;

    HazelcastCustomerAddresses(IMap<String, AddressLink> links) {
        this.links = links;
    }

    @Override
    public Map<String, CustomerAddress> byChannel(String customerId) {
        Map<String, CustomerAddress> found = new HashMap<>();
        links.entrySet(new LinksOf(customerId)).stream()
                .sorted(Comparator.comparing(entry -> entry.getValue().linkedAt()))
                .forEach(entry -> found.put(entry.getValue().source(), CustomerAddress.parse(entry.getKey())));
        return found;
    }

    static final class LinksOf implements Predicate<String, AddressLink> {
        private static final long serialVersionUID = 1L;
        private final String customerId;

        LinksOf(String customerId) {
            this.customerId = customerId;
        }

        @Override
        public boolean apply(Map.Entry<String, AddressLink> entry) {
            return entry.getValue() != null && customerId.equals(entry.getValue().customerId());
        }
    }
}
