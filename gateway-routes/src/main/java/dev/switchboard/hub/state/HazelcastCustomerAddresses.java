package dev.switchboard.hub.state;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.switchboard.hub.agents.CustomerAddresses;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.spi.CustomerAddress;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * A customer's addresses from the address links in memory, found through the map's index of
 * {@link #CUSTOMER_ID} (a scan of every link made each agent's greeting cost milliseconds with 10,000
 * customers). Links are loaded when an address is used, so after a full restart a customer's addresses are
 * found again as he writes from them.
 */
final class HazelcastCustomerAddresses implements CustomerAddresses {
    /** The attribute of an {@link AddressLink} the links map is indexed by. */
    static final String CUSTOMER_ID = "customerId";
    private final IMap<String, AddressLink> links;

    HazelcastCustomerAddresses(IMap<String, AddressLink> links) {
        this.links = links;
    }

    @Override
    public Map<String, CustomerAddress> byChannel(String customerId) {
        Map<String, CustomerAddress> found = new HashMap<>();
        links.entrySet(Predicates.equal(CUSTOMER_ID, customerId)).stream()
                .sorted(Comparator.comparing(entry -> entry.getValue().linkedAt()))
                .forEach(entry -> found.put(entry.getValue().source(), CustomerAddress.parse(entry.getKey())));
        return found;
    }
}
