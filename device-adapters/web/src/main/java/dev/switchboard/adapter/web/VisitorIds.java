package dev.switchboard.adapter.web;

import dev.switchboard.spi.WebVisitorId;
import java.security.SecureRandom;
import java.util.Base64;

/** Makes fresh web visitor ids: {@code v-} and 22 URL-safe random characters (128 bits). */
final class VisitorIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private VisitorIds() {
    }

    static WebVisitorId fresh() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return new WebVisitorId("v-" + URL_SAFE.encodeToString(bits));
    }
}
