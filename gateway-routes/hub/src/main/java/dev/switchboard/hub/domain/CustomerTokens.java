package dev.switchboard.hub.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Customer tokens: 256-bit random secrets handed to the customer's device, kept by the hub only as a
 * SHA-256 hash and compared in constant time.
 */
public final class CustomerTokens {
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private CustomerTokens() {
    }

    public static String newToken() {
        byte[] secret = RandomBytes.next(32);
        return URL_SAFE.encodeToString(secret);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code token} is the one whose hash is {@code expectedHash}; {@code false} for a null token. */
    public static boolean matches(String token, byte[] expectedHash) {
        return token != null && expectedHash != null && MessageDigest.isEqual(hash(token), expectedHash);
    }
}
