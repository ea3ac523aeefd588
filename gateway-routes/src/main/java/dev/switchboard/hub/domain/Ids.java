package dev.switchboard.hub.domain;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * New ids: a short prefix that says what the id is for, the time in milliseconds as 11 hex digits, then 96
 * random bits, URL-safe. Ids made later sort later, so the database appends new rows at the end of its
 * indexes instead of rewriting pages all over them; the random part keeps them unguessable.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private Ids() {
    }

    public static String next(String prefix) {
        byte[] bits = new byte[12];
        RANDOM.nextBytes(bits);
        String millis = Long.toHexString(System.currentTimeMillis());
        return prefix + "0".repeat(Math.max(0, 11 - millis.length())) + millis + URL_SAFE.encodeToString(bits);
    }
}
