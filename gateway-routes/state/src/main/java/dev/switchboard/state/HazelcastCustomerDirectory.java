package dev.switchboard.state;

import com.hazelcast.map.IMap;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.CustomerDirectory;
import java.util.Optional;

final class HazelcastCustomerDirectory implements CustomerDirectory {
    private final IMap<String, AddressLink> links;
    private final IMap<String, Customer> customers;

    HazelcastCustomerDirectory(IMap<String, AddressLink> links, IMap<String, Customer> customers) {
        this.links = links;
        this.customers = customers;
    }

    @Override
    public Optional<AddressLink> linkOf(String addressKey) {
        return Optional.ofNullable(links.get(addressKey));
    }

    @Override
    public AddressLink linkIfAbsent(String addressKey, AddressLink link) {
        AddressLink earlier = links.putIfAbsent(addressKey, link);
        return earlier == null ? link : earlier;
    }

    @Override
    public Optional<Customer> customer(String customerId) {
        return Optional.ofNullable(customers.get(customerId));
    }

    @Override
    public void save(Customer customer) {
        customers.set(customer.id(), customer);
    }
}
