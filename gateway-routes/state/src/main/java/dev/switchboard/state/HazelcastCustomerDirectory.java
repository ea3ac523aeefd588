package dev.switchboard.state;

import com.hazelcast.map.IMap;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.CustomerDirectory;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Customers and address links in the cluster's caches, written through to the database; a new customer and his
 * first address are written in one transaction, then put into the caches.
 */
final class HazelcastCustomerDirectory implements CustomerDirectory {
    private final DataSource dataSource;
    private final AddressLinkMapStore linkRows;
    private final CustomerMapStore customerRows;
    private final IMap<String, AddressLink> links;
    private final IMap<String, Customer> customers;

    HazelcastCustomerDirectory(DataSource dataSource, AddressLinkMapStore linkRows, CustomerMapStore customerRows,
                               IMap<String, AddressLink> links, IMap<String, Customer> customers) {
        this.dataSource = dataSource;
        this.linkRows = linkRows;
        this.customerRows = customerRows;
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
    public AddressLink linkNewCustomer(String addressKey, AddressLink link, Customer customer) {
        AddressLink holding = Transactions.run(dataSource, "link " + addressKey + " to a new customer", connection -> {
            if (!linkRows.insertOnce(connection, addressKey, link)) {
                return linkRows.read(connection, addressKey);
            }
            customerRows.write(connection, customer.id(), customer);
            return link;
        });
        // Written already: into the caches without their stores.
        links.putTransient(addressKey, holding, -1, TimeUnit.SECONDS);
        if (holding.customerId().equals(customer.id())) {
            customers.putTransient(customer.id(), customer, -1, TimeUnit.SECONDS);
        }
        return holding;
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
