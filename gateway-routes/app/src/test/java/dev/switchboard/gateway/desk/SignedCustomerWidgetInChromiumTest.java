package dev.switchboard.gateway.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.NodeScript;
import dev.switchboard.testing.ShopSite;
import dev.switchboard.testing.TestGateways;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat widget on a shop page that signs its logged-in customer's id, in Debian's Chromium
 * (src/test/playwright/signed-customer.mjs): two devices of the same customer share his one conversation, an
 * anonymous visitor does not.
 */
class SignedCustomerWidgetInChromiumTest {
    private static final Logger LOG = LoggerFactory.getLogger(SignedCustomerWidgetInChromiumTest.class);
    private static final Path SCRIPT = Path.of("src/test/playwright/signed-customer.mjs").toAbsolutePath();
    private static final String SECRET = "5b1e9c7d3a0f2e4c6b8a0d2f4e6c8a0b-shop";

    @Test
    void theSameSignedCustomerOnTwoDevicesSharesOneConversation(@TempDir Path dir) throws Exception {
        assertThat(SCRIPT.resolveSibling("node_modules/playwright-core")).as("npm ci in src/test/playwright").isDirectory();
        try (ShopSite shop = new ShopSite()) {
            Gateway gateway = TestGateways.start(dir.resolve("data"), Map.of("switchboard.widget.allowed-origins",
                    shop.origin(), "switchboard.widget.identity-secret", SECRET));
            try {
                String widget = gateway.baseUri() + "widget.js";
                shop.page("/signed", page(widget, signedAttributes("kim-4711")))
                        .page("/anonymous", page(widget, ""));
                NodeScript.Run run = NodeScript.run(SCRIPT, dir.resolve("playwright.log"), 120, shop.origin());
                LOG.info("Playwright script:\n{}", run.output());
                assertThat(run.finished()).as("the script finished").isTrue();
                assertThat(run.exitValue()).as(run.output()).isZero();
                assertThat(run.output()).contains("PASS signed customer");
            } finally {
                gateway.close();
            }
        }
    }

    /** What the shop's server writes on the tag: the id, when it signed it, and the signature. */
    private static String signedAttributes(String customerId) throws Exception {
        long issuedAt = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(
                mac.doFinal((customerId + "." + issuedAt).getBytes(StandardCharsets.UTF_8)));
        return "data-customer-id=\"%s\" data-customer-issued-at=\"%d\" data-customer-signature=\"%s\""
                .formatted(customerId, issuedAt, signature);
    }

    private static String page(String widgetSrc, String attributes) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Demo shop</title>
                <script src="%s" defer %s></script>
                </head><body><main><h1>Demo shop</h1></main></body></html>
                """.formatted(widgetSrc, attributes);
    }
}
