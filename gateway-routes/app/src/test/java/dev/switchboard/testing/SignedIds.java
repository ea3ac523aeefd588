package dev.switchboard.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A company's logged-in customer id signed as its server does it (docs/channels/web.md), for the widget's header. */
public final class SignedIds {
    /** The header the widget sends it in. */
    public static final String HEADER = "Switchboard-Customer";

    private SignedIds() {
    }

    /** {@code <id>.<issuedAt>.<hex HMAC-SHA256 of "id.issuedAt">}. */
    public static String signed(String secret, String customerId, long issuedAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(
                    mac.doFinal((customerId + "." + issuedAt).getBytes(StandardCharsets.UTF_8)));
            return customerId + "." + issuedAt + "." + signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is in every JDK", e);
        }
    }
}
