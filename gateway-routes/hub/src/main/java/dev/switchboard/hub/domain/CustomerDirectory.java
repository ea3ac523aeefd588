package dev.switchboard.hub.domain;

import java.time.Instant;
import java.util.Optional;

/** Customers and the links of their addresses, shared by every gateway node and kept across restarts. */
public interface CustomerDirectory {

    Optional<AddressLink> linkOf(String addressKey);

    /** Links the address unless it is linked already; returns the link that holds afterwards. */
    AddressLink linkIfAbsent(String addressKey, AddressLink link);

    /**
     * Links the address to a new customer and stores him, unless the address is linked already; returns the link
     * that holds afterwards: {@code link} when the customer is new, else the one found. A store may write both in
     * one transaction, and should answer a link it holds in memory without writing.
     */
    default AddressLink linkNewCustomer(String addressKey, AddressLink link, Customer customer) {
        AddressLink holding = linkIfAbsent(addressKey, link);
        if (holding.customerId().equals(customer.id())) {
            save(customer);
        }
        return holding;
    }

    Optional<Customer> customer(String customerId);

    void save(Customer customer);

    /**
     * The customer a link points to, made and saved when he is missing: a link claimed just before a crash, or
     * by a first contact still under way, has no customer record yet.
     */
    default Customer customerOf(AddressLink link, Instant now) {
        return customer(link.customerId()).orElseGet(() -> {
            Customer made = new Customer(link.customerId(), Ids.next("cv-"), now);
            save(made);
            return made;
        });
    }
}
