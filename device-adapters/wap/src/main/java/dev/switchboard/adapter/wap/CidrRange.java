package dev.switchboard.adapter.wap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A range of IP addresses in CIDR form ({@code 10.20.0.0/16}, {@code 2001:db8::/32}); an address without a
 * prefix length is a range of one. Only address literals: a host name is refused, never looked up.
 */
record CidrRange(byte[] network, int prefixLength) {
    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    static CidrRange parse(String setting, String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("setting " + setting + ": '" + text + "' is not an IP address or CIDR range");
        }
        int length = bytes.length * 8;
        if (slash >= 0) {
            try {
                length = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0 || length > bytes.length * 8) {
                throw new IllegalArgumentException("setting " + setting + ": '" + text + "' has a bad prefix length");
            }
        }
        return new CidrRange(bytes, length);
    }

    /** Whether the address literal {@code address} lies in this range; {@code false} for anything unreadable. */
    boolean contains(String address) {
        byte[] bytes = address == null ? null : literal(address);
        if (bytes == null || bytes.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    private static byte[] literal(String address) {
        if (address.isEmpty() || !LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            return "?/" + prefixLength;
        }
    }
}
