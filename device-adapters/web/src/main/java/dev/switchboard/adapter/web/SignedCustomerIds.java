package dev.switchboard.adapter.web;

import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.spi.InvalidAddressException;
import dev.switchboard.spi.SiteCustomerId;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a company's logged-in customer id signed by its site: header {@value #HEADER}{@code : <id>.<issued-at>.<signature>},
 * where {@code issued-at} is in epoch seconds and {@code signature} is the hex of
 * HMAC-SHA256(secret, {@code <id> + "." + <issued-at>}). Valid with any of the configured secrets (so that a secret
 * can be rotated) from {@link #MAX_AGE} before now to {@link #CLOCK_SKEW} after; the signatures are compared in
 * constant time. Without a secret the feature is off and every signed id is refused. Thread-safe.
 */
final class SignedCustomerIds {
    static final String HEADER = "Switchboard-Customer";
    static final String SECRET_KEY = "switchboard.widget.identity-secret";
    /** How long a signature is taken after it was made: a page a customer keeps open for a day still works. */
    static final Duration MAX_AGE = Duration.ofHours(24);
    /** How far the site's clock may run ahead of the gateway's. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The shortest secret taken, in characters: {@code openssl rand -hex 32} makes 64. */
    static final int MIN_SECRET_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final List<SecretKeySpec> secrets;
    private final Clock clock;

    SignedCustomerIds(List<String> secrets, Clock clock) {
        for (String secret : secrets) {
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("setting " + SECRET_KEY + ": each secret must be at least "
                        + MIN_SECRET_LENGTH + " characters (openssl rand -hex 32)");
            }
        }
        this.secrets = secrets.stream()
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM)).toList();
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when a secret is too short */
    static SignedCustomerIds from(AdapterSettings settings, Clock clock) {
        return new SignedCustomerIds(Arrays.stream(settings.get(SECRET_KEY, "").split(","))
                .map(String::strip).filter(secret -> !secret.isEmpty()).toList(), clock);
    }

    boolean enabled() {
        return !secrets.isEmpty();
    }

    /**
     * @param header the {@value #HEADER} header, or {@code null}
     * @return the customer it names, or {@code null} when there is no header
     * @throws ApiException 401 {@code invalid-identity} when the feature is off, or the header is malformed, expired,
     *                      issued in the future or not signed with a configured secret
     */
    SiteCustomerId check(String header) {
        if (header == null) {
            return null;
        }
        if (!enabled()) {
            throw invalid("signed customer ids are not enabled on this gateway (no " + SECRET_KEY + ")");
        }
        int lastDot = header.lastIndexOf('.');
        int issuedDot = lastDot < 1 ? -1 : header.lastIndexOf('.', lastDot - 1);
        if (issuedDot < 1) {
            throw invalid(HEADER + " must be <customer id>.<issued-at epoch seconds>.<hex HMAC-SHA256>");
        }
        String id = header.substring(0, issuedDot);
        String issuedAt = header.substring(issuedDot + 1, lastDot);
        long issued;
        byte[] signature;
        try {
            issued = Long.parseLong(issuedAt);
            signature = HEX.parseHex(header.substring(lastDot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid(HEADER + " must be <customer id>.<issued-at epoch seconds>.<hex HMAC-SHA256>");
        }
        long now = clock.instant().getEpochSecond();
        if (issued > now + CLOCK_SKEW.toSeconds()) {
            throw invalid("the customer signature is issued in the future");
        }
        if (issued < now - MAX_AGE.toSeconds()) {
            throw invalid("the customer signature has expired; sign the id again");
        }
        byte[] signed = (id + "." + issuedAt).getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (SecretKeySpec secret : secrets) {
            valid |= MessageDigest.isEqual(hmac(secret, signed), signature);
        }
        if (!valid) {
            throw invalid("the customer signature is not valid");
        }
        try {
            return new SiteCustomerId(id);
        } catch (InvalidAddressException e) {
            throw invalid(e.getMessage());
        }
    }

    /** The hex signature of {@code id} issued at {@code issuedAt}, as a site makes it (for tests and docs). */
    static String sign(String secret, String id, long issuedAt) {
        return HEX.formatHex(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                (id + "." + issuedAt).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(SecretKeySpec secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static ApiException invalid(String reason) {
        return new ApiException(401, JsonErrors.INVALID_IDENTITY, reason);
    }

    @Override
    public String toString() {
        return "SignedCustomerIds[" + secrets.size() + " secret(s)]";
    }
}
