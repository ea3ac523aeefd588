package dev.switchboard.spi;

import java.util.regex.Pattern;

/**
 * The id a company gives its own logged-in customer, as its site signed it for the web chat (key
 * {@code site-customer:<id>}): 1 to 128 letters, digits, {@code . _ : @ + -}. Not self-asserted: an adapter makes
 * one only from an id whose signature with the site's secret it checked, so the same person continues his one
 * conversation from any device that presents a valid signature.
 */
public record SiteCustomerId(String value) implements CustomerAddress {
    static final String KIND = "site-customer";
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:@+-]{1,128}");

    public SiteCustomerId {
        if (value == null || value.isBlank()) {
            throw new InvalidAddressException("site customer id is missing");
        }
        if (!FORM.matcher(value).matches()) {
            throw new InvalidAddressException(
                    "site customer id must be 1 to 128 letters, digits, '.', '_', ':', '@', '+' or '-'");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean selfAsserted() {
        return false;
    }
}
