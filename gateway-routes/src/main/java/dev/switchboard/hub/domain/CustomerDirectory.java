package dev.switchboard.hub.domain;

import java.util.Optional;

/** Customers and the links of their addresses, shared by every gateway node and kept across restarts. */
public interface CustomerDirectory {

    Optional<AddressLink> linkOf(String addressKey);

    /** Links the address unless it is linked already; returns the link that holds afterwards. */
    AddressLink linkIfAbsent(String addressKey, AddressLink link);

    Optional<Customer> customer(String customerId);

    void save(Customer customer);
}
