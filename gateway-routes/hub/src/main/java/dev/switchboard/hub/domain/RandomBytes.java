package dev.switchboard.hub.domain;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Unguessable random bytes for ids and tokens, from a generator per thread: the default {@code SecureRandom}
 * on Linux takes one lock for the whole process, which the request threads queued on.
 */
final class RandomBytes {
    private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(RandomBytes::newGenerator);

    private RandomBytes() {
    }

    static byte[] next(int count) {
        byte[] bytes = new byte[count];
        PER_THREAD.get().nextBytes(bytes);
        return bytes;
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
