package dev.switchboard.spi;

/** Where a location came from, which tells how far to trust it. */
public enum LocationSource {
    /** The device's satellite or fused position. */
    GPS,
    /** Cell or Wi-Fi positioning, reported by the device. */
    NETWORK,
    /** The mobile operator's network, sent by its gateway. */
    OPERATOR,
    /** A town or postcode the customer keyed in. */
    USER_ENTERED,
    /** Anything else or unknown. */
    OTHER
}
