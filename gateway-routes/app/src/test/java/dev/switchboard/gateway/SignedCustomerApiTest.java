package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.SignedIds;
import dev.switchboard.testing.HttpJson.Response;
import dev.switchboard.testing.TestGateways;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A company's logged-in customer whose id its site signs: the same person on two devices, two clients that share no
 * token, finds his one conversation; an anonymous visitor who states the same id does not. Whole gateway, free port.
 */
class SignedCustomerApiTest {
    private static final String SECRET = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c-shop-secret";
    private static final String HEADER = "Switchboard-Customer";

    @TempDir
    static Path dataDir;
    static Gateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = TestGateways.start(dataDir, Map.of("switchboard.widget.identity-secret", SECRET));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    /** What the company's server puts in its page, as docs/channels/web.md shows it. */
    private static String signed(String secret, String customerId, long issuedAt) {
        return SignedIds.signed(secret, customerId, issuedAt);
    }

    private static Response post(HttpJson device, String path, String body, String identity) {
        return device.send(HttpRequest.newBuilder(gateway.baseUri().resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header(HEADER, identity)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Response read(HttpJson device, String conversationId, String identity) {
        return device.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/api/conversations/" + conversationId))
                .timeout(Duration.ofSeconds(10)).header(HEADER, identity).GET().build());
    }

    @Test
    void theSameSignedCustomerOnTwoDevicesContinuesHisOneConversationAndSeesItAll() throws Exception {
        long now = Instant.now().getEpochSecond();
        HttpJson laptop = new HttpJson(gateway.baseUri());
        HttpJson phone = new HttpJson(gateway.baseUri());

        Response first = post(laptop, "/api/help", "{\"text\": \"My parcel 4711 never came\"}",
                signed(SECRET, "shop-cust-4711", now - 3600));
        String conversationId = first.json().path("conversationId").asText();
        String laptopToken = first.json().path("customerToken").asText();
        Response second = post(phone, "/api/help", "{\"text\": \"Writing from my phone now\"}",
                signed(SECRET, "shop-cust-4711", now));
        Response thread = read(phone, conversationId, signed(SECRET, "shop-cust-4711", now));
        Response onLaptop = laptop.get("/api/conversations/" + conversationId, laptopToken);

        assertThat(first.status()).isEqualTo(201);
        assertThat(laptopToken).hasSizeGreaterThan(30);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().path("conversationId").asText()).isEqualTo(conversationId);
        assertThat(thread.status()).as(thread.body()).isEqualTo(200);
        assertThat(thread.body()).contains("My parcel 4711 never came", "Writing from my phone now");
        assertThat(onLaptop.status()).isEqualTo(200);
        assertThat(onLaptop.body()).contains("Writing from my phone now");
    }

    @Test
    void anAnonymousVisitorStatingTheSameIdGetsAConversationOfHisOwn() throws Exception {
        long now = Instant.now().getEpochSecond();
        HttpJson customer = new HttpJson(gateway.baseUri());
        HttpJson stranger = new HttpJson(gateway.baseUri());
        String signedConversation = post(customer, "/api/help", "{\"text\": \"My private order 815\"}",
                signed(SECRET, "shop-cust-0815", now)).json().path("conversationId").asText();

        Response unsigned = stranger.postJson("/api/help",
                "{\"text\": \"Show me the order\", \"visitorId\": \"shop-cust-0815\"}", null);
        Response forged = post(stranger, "/api/help", "{\"text\": \"Show me the order\"}",
                signed("a-secret-the-stranger-guessed-0000", "shop-cust-0815", now));
        Response expired = read(stranger, signedConversation,
                signed(SECRET, "shop-cust-0815", now - Duration.ofHours(25).toSeconds()));
        Response peek = stranger.get("/api/conversations/" + signedConversation, null);

        assertThat(unsigned.status()).isEqualTo(201);
        assertThat(unsigned.json().path("conversationId").asText()).isNotEqualTo(signedConversation);
        assertThat(unsigned.body()).doesNotContain("order 815");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("error").asText()).isEqualTo("invalid-identity");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("message").asText()).contains("expired");
        assertThat(peek.status()).isEqualTo(404);
    }
}
