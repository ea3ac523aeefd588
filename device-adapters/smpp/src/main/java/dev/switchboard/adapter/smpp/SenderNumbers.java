package dev.switchboard.adapter.smpp;

import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.InvalidAddressException;

/**
 * Turns an SMPP source address into an E.164 number from its type of number: international numbers
 * are the digits after a {@code +}; national numbers get the configured country code in place of their
 * trunk prefix ({@code 0}); an unknown type is read by its form ({@code +} or {@code 00} international,
 * {@code 0} national, other digits international). An alphanumeric sender cannot be answered and is refused.
 */
final class SenderNumbers {
    static final byte TON_UNKNOWN = 0;
    static final byte TON_INTERNATIONAL = 1;
    static final byte TON_NATIONAL = 2;
    static final byte TON_ALPHANUMERIC = 5;

    private final String countryCode;

    /** @param countryCode the country code of national numbers, digits only ({@code 48}) */
    SenderNumbers(String countryCode) {
        if (!countryCode.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("the SMPP country code must be 1-3 digits, was '" + countryCode + "'");
        }
        this.countryCode = countryCode;
    }

    E164Number toE164(byte ton, String address) {
        String raw = address == null ? "" : address.trim();
        if (ton == TON_ALPHANUMERIC) {
            throw new InvalidAddressException("alphanumeric sender '" + raw + "' cannot be answered");
        }
        String digits = raw.startsWith("+") ? raw.substring(1) : raw;
        if (!digits.matches("[0-9]+")) {
            throw new InvalidAddressException("sender '" + raw + "' is not a phone number");
        }
        return switch (ton) {
            case TON_INTERNATIONAL -> new E164Number("+" + stripInternationalPrefix(digits));
            case TON_NATIONAL -> national(digits);
            default -> raw.startsWith("+") || digits.startsWith("00")
                    ? new E164Number("+" + stripInternationalPrefix(digits))
                    : digits.startsWith("0") ? national(digits) : new E164Number("+" + digits);
        };
    }

    private E164Number national(String digits) {
        String withoutTrunk = digits.replaceFirst("^0+", "");
        return new E164Number("+" + countryCode + withoutTrunk);
    }

    private static String stripInternationalPrefix(String digits) {
        return digits.startsWith("00") ? digits.substring(2) : digits;
    }
}
