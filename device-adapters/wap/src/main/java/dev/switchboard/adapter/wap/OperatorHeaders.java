package dev.switchboard.adapter.wap;

import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.GeoLocation;
import dev.switchboard.spi.InvalidAddressException;
import dev.switchboard.spi.LocationSource;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator's WAP gateway says about the subscriber: his number (MSISDN) and where he is. Believed
 * only from a request whose peer address lies in a trusted gateway range: anyone else can send any header.
 * {@code X-Forwarded-For} is never read, since the sender could write it too.
 */
final class OperatorHeaders {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorHeaders.class);

    /** What the operator told, each part {@code null} when it did not (or was not believed). */
    record Subscriber(E164Number msisdn, GeoLocation location) {
        static final Subscriber UNKNOWN = new Subscriber(null, null);
    }

    private final List<String> msisdnHeaders;
    private final List<CidrRange> trustedGateways;
    private final String locationHeader;

    OperatorHeaders(List<String> msisdnHeaders, List<CidrRange> trustedGateways, String locationHeader) {
        this.msisdnHeaders = List.copyOf(msisdnHeaders);
        this.trustedGateways = List.copyOf(trustedGateways);
        this.locationHeader = locationHeader;
    }

    Subscriber read(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        boolean trusted = trustedGateways.stream().anyMatch(range -> range.contains(peer));
        String number = firstHeader(request);
        String position = locationHeader.isEmpty() ? null : request.getHeader(locationHeader);
        if (!trusted) {
            if (number != null || position != null) {
                LOG.info("Ignoring operator headers from {}: not a trusted WAP gateway address", peer);
            }
            return Subscriber.UNKNOWN;
        }
        return new Subscriber(msisdn(number, peer), location(position, peer));
    }

    private String firstHeader(HttpServletRequest request) {
        for (String header : msisdnHeaders) {
            String value = request.getHeader(header);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    /** Operators send the number with or without its {@code +}; a bare number is read as international. */
    private static E164Number msisdn(String value, String peer) {
        if (value == null) {
            return null;
        }
        try {
            return new E164Number(value.startsWith("+") || value.startsWith("00") ? value : "+" + value);
        } catch (InvalidAddressException e) {
            LOG.warn("Ignoring an MSISDN header from gateway {}: {}", peer, e.getMessage());
            return null;
        }
    }

    /** {@code latitude,longitude} or {@code latitude,longitude,accuracy in metres}, in decimal degrees. */
    private static GeoLocation location(String value, String peer) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        try {
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("expected latitude,longitude[,accuracy]");
            }
            Double accuracy = parts.length == 3 ? Double.valueOf(parts[2].trim()) : null;
            return new GeoLocation(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()), accuracy,
                    LocationSource.OPERATOR);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a location header from gateway {}: {}", peer, e.getMessage());
            return null;
        }
    }
}
