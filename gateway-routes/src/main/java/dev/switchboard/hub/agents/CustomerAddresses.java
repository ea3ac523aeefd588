package dev.switchboard.hub.agents;

import dev.switchboard.spi.CustomerAddress;
import java.util.Map;

/** Where a customer can be reached: his linked addresses by the channel each was first used on. */
public interface CustomerAddresses {

    /** The customer's addresses by channel id (the link's source); a later link wins for the same channel. */
    Map<String, CustomerAddress> byChannel(String customerId);
}
