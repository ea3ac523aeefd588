package dev.switchboard.desk;

import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.CustomerDirectory;
import dev.switchboard.hub.domain.CustomerMerge;
import dev.switchboard.hub.domain.CustomerMerges;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Customers, their address links and merges in maps, for the desk's use cases tested without Hazelcast. */
final class InMemoryCustomers implements CustomerDirectory, CustomerMerges {
    private final Map<String, AddressLink> links = new ConcurrentHashMap<>();
    private final Map<String, Customer> customers = new ConcurrentHashMap<>();
    private final Map<String, CustomerMerge> merges = new ConcurrentHashMap<>();

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
        customers.put(customer.id(), customer);
    }

    @Override
    public Optional<CustomerMerge> of(String mergedCustomerId) {
        return Optional.ofNullable(merges.get(mergedCustomerId));
    }

    @Override
    public List<CustomerMerge> into(String keptCustomerId) {
        return merges.values().stream().filter(m -> m.keptCustomerId().equals(keptCustomerId)).toList();
    }

    @Override
    public boolean add(CustomerMerge merge) {
        return merges.putIfAbsent(merge.mergedCustomerId(), merge) == null;
    }

    @Override
    public Optional<CustomerMerge> remove(String mergedCustomerId) {
        return Optional.ofNullable(merges.remove(mergedCustomerId));
    }
}
