package dev.switchboard.spi;

/**
 * One way of reaching a customer: a phone number, an email address, a web visitor id, a set-top box id
 * an app install id, or a company's own customer id signed by its site. The hub links every address to exactly one customer record.
 *
 * <p>Each kind validates itself when it is made and throws {@link InvalidAddressException} with a
 * reason a client can be shown. {@link #key()} is the stable text form used to store and look up
 * addresses ({@code e164:+447700900123}); {@link #parse(String)} reads it back.
 */
public sealed interface CustomerAddress
        permits E164Number, EmailAddress, SiteCustomerId, OpaqueId {

    /** The kind prefix of {@link #key()}: {@code e164}, {@code email}, {@code visitor}, {@code settop}, {@code app},
     *  {@code site-customer}. */
    String kind();

    /** The address itself, normalized (an E.164 number with its {@code +}, a lower-cased email domain, ...). */
    String value();

    /**
     * Whether the device states this address about itself with nothing to back it. A web visitor id,
     * a set-top id and an app install id are such claims: anyone may send any value, so the hub only
     * continues an existing customer's conversation from them when the customer's token comes too.
     * A number delivered by an operator's SMSC is vouched for by the network.
     */
    boolean selfAsserted();

    /** {@code kind:value}, unique across kinds. */
    default String key() {
        return kind() + ":" + value();
    }

    /** Reads a {@link #key()} back into its address. */
    static CustomerAddress parse(String key) {
        if (key == null) {
            throw new InvalidAddressException("address key is missing");
        }
        int colon = key.indexOf(':');
        if (colon < 1) {
            throw new InvalidAddressException("address key must be kind:value, was '" + key + "'");
        }
        String value = key.substring(colon + 1);
        return switch (key.substring(0, colon)) {
            case E164Number.KIND -> new E164Number(value);
            case EmailAddress.KIND -> new EmailAddress(value);
            case WebVisitorId.KIND -> new WebVisitorId(value);
            case SetTopId.KIND -> new SetTopId(value);
            case AppInstallId.KIND -> new AppInstallId(value);
            case SiteCustomerId.KIND -> new SiteCustomerId(value);
            default -> throw new InvalidAddressException("unknown address kind in '" + key + "'");
        };
    }
}
