package dev.switchboard.state;

import com.hazelcast.map.IMap;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.CustomerDirectory;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Customers and address links in the cluster's caches. Customers are written through to the database and loaded on a
 * miss by the map; links, which never change once made, are read and written here and the cache takes what was
 * read or committed. A new customer and his first address are written in one transaction, then put into the caches.
 */
final class HazelcastCustomerDirectory implements CustomerDirectory {
    private final DataSource dataSource;
    private final AddressLinkTable linkRows;
    private final CustomerMapStore customerRows;
    private final IMap<String, AddressLink> links;
    private final IMap<String, Customer> customers;

    HazelcastCustomerDirectory(DataSource dataSource, AddressLinkTable linkRows, CustomerMapStore customerRows,
                               IMap<String, AddressLink> links, IMap<String, Customer> customers) {
        this.dataSource = dataSource;
        this.linkRows = linkRows;
        this.customerRows = customerRows;
        this.links = links;
        this.customers = customers;
    }

    @Override
    public Optional<AddressLink> linkOf(String addressKey) {
        AddressLink cached = links.get(addressKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        AddressLink stored = Transactions.read(dataSource, "read the link of " + addressKey,
                connection -> linkRows.read(connection, addressKey));
        if (stored != null) {
            cache(addressKey, stored);
        }
        return Optional.ofNullable(stored);
    }

    @Override
    public AddressLink linkIfAbsent(String addressKey, AddressLink link) {
        AddressLink cached = links.get(addressKey);
        if (cached != null) {
            return cached;
        }
        AddressLink holding = Transactions.run(dataSource, "link " + addressKey, connection ->
                linkRows.insertOnce(connection, addressKey, link) ? link : linkRows.read(connection, addressKey));
        cache(addressKey, holding);
        return holding;
    }

    /**
     * One transaction, and no read before it: a new customer's link and record are inserted at once, and an address
     * linked already (not in memory) loses the insert and is read in the same transaction.
     */
    @Override
    public AddressLink linkNewCustomer(String addressKey, AddressLink link, Customer customer) {
        AddressLink cached = links.get(addressKey);
        if (cached != null) {
            return cached;
        }
        AddressLink holding = Transactions.run(dataSource, "link " + addressKey + " to a new customer", connection -> {
            if (!linkRows.insertOnce(connection, addressKey, link)) {
                return linkRows.read(connection, addressKey);
            }
            customerRows.write(connection, customer.id(), customer);
            return link;
        });
        cache(addressKey, holding);
        if (holding.customerId().equals(customer.id())) {
            // Written already: into the cache without its store.
            customers.putTransient(customer.id(), customer, -1, TimeUnit.SECONDS);
        }
        return holding;
    }

    /**
     * A link never changes once made, so whatever was read or committed may go into the cache as it is, and nobody
     * need wait for it.
     */
    private void cache(String addressKey, AddressLink link) {
        CacheFill.inBackground(links.setAsync(addressKey, link), "the link of " + addressKey);
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
