package dev.switchboard.spi;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: {@code +}, a country code and up to 15 digits in all. Spaces, dots,
 * hyphens and brackets are accepted and dropped; a leading {@code 00} is read as {@code +}.
 */
public record E164Number(String value) implements CustomerAddress {
    static final String KIND = "e164";
    private static final Pattern FORM = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public E164Number {
        if (value == null || value.isBlank()) {
            throw new InvalidAddressException("phone number is missing");
        }
        String compact = value.replaceAll("[\\s().-]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (!FORM.matcher(compact).matches()) {
            throw new InvalidAddressException(
                    "phone number must be in international form, + then 7 to 15 digits: '" + value + "'");
        }
        value = compact;
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
