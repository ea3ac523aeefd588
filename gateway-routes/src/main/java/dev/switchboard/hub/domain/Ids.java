package dev.switchboard.hub.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** New random ids: a short prefix that says what the id is for, then 128 random bits, URL-safe. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private Ids() {
    }

    public static String next(String prefix) {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return prefix + URL_SAFE.encodeToString(bits);
    }
}
