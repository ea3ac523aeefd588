package dev.switchboard.adapter.wap;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable ids: 128 random bits as 22 URL-safe characters. */
final class RandomIds {
    static final String FORM = "[A-Za-z0-9_-]{22}";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
