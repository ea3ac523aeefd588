package dev.switchboard.hub.domain;

import java.util.Base64;

/**
 * New ids: a short prefix that says what the id is for, the time in milliseconds as 11 hex digits, then 96
 * random bits, URL-safe. Ids made later sort later, so the database appends new rows at the end of its
 * indexes instead of rewriting pages all over them; the random part keeps them unguessable.
 */
public final class Ids {
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private Ids() {
    }

    public static String next(String prefix) {
        byte[] bits = RandomBytes.next(12);
        String millis = Long.toHexString(System.currentTimeMillis());
        return prefix + "0".repeat(Math.max(0, 11 - millis.length())) + millis + URL_SAFE.encodeToString(bits);
    }
}
