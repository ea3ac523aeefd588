package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A company's logged-in customer, his id signed by the site, on the stand-in gateway's real Jetty. */
class SignedCustomerApiTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef-site";
    private static final long ISSUED = ApiServer.NOW.getEpochSecond() - 30;

    private final RecordingHelpDesk helpDesk = ApiServer.helpDesk();
    private StandInGateway gateway;

    private void start(Map<String, String> settings) throws Exception {
        gateway = StandInGateway.builder().helpDesk(helpDesk).settings(settings).servingHttp()
                .start(new WebAdapter(Clock.fixed(ApiServer.NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static String signed(String id) {
        return id + "." + ISSUED + "." + SignedCustomerIds.sign(SECRET, id, ISSUED);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String signedId) throws Exception {
        if (signedId != null) {
            request.header(SignedCustomerIds.HEADER, signedId);
        }
        // each call a new client: two devices share nothing
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String signedId) throws Exception {
        return send(HttpRequest.newBuilder(gateway.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), signedId);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void twoDevicesWithTheSameSignedIdShareOneConversationAndReadIt() throws Exception {
        start(Map.of(SignedCustomerIds.SECRET_KEY, SECRET));

        HttpResponse<String> laptop = post("/api/help", "{\"text\": \"my router is dead\", \"visitorId\": \"v-laptop-1\"}",
                signed("cust-42"));
        HttpResponse<String> phone = post("/api/help", "{\"text\": \"still dead\"}", signed("cust-42"));
        String id = json(laptop).get("conversationId").textValue();
        HttpResponse<String> read = send(HttpRequest.newBuilder(gateway.uri("/api/conversations/" + id)), signed("cust-42"));
        HttpResponse<String> more = post("/api/conversations/" + id + "/messages", "{\"text\": \"from the phone\"}",
                signed("cust-42"));
        HttpResponse<String> otherCustomer = send(HttpRequest.newBuilder(gateway.uri("/api/conversations/" + id)),
                signed("cust-43"));

        assertThat(laptop.statusCode()).isEqualTo(201);
        assertThat(json(laptop).get("customerToken").textValue()).isNotBlank();
        assertThat(phone.statusCode()).isEqualTo(201);
        assertThat(json(phone).get("conversationId").textValue()).isEqualTo(id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("my router is dead", "still dead");
        assertThat(more.statusCode()).isEqualTo(201);
        assertThat(otherCustomer.statusCode()).isEqualTo(404);
        assertThat(helpDesk.submitted()).extracting(interaction -> interaction.address().key())
                .containsOnly("site-customer:cust-42");
    }

    @Test
    void aNewDeviceFindsTheSignedCustomersConversationBeforeHeWritesThere() throws Exception {
        start(Map.of(SignedCustomerIds.SECRET_KEY, SECRET));
        HttpResponse<String> none = send(HttpRequest.newBuilder(gateway.uri("/api/conversations/mine")),
                signed("cust-90"));
        String id = json(post("/api/help", "{\"text\": \"my router is dead\"}", signed("cust-90")))
                .get("conversationId").textValue();

        HttpResponse<String> mine = send(HttpRequest.newBuilder(gateway.uri("/api/conversations/mine?limit=1")),
                signed("cust-90"));
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(gateway.uri("/api/conversations/mine")), null);
        HttpResponse<String> forged = send(HttpRequest.newBuilder(gateway.uri("/api/conversations/mine")),
                "cust-90." + ISSUED + "." + "00".repeat(32));

        assertThat(none.statusCode()).as("no conversation yet").isEqualTo(404);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json(mine).get("conversationId").textValue()).isEqualTo(id);
        assertThat(json(mine).get("messages")).hasSize(1);
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(gateway.uri("/api/conversations/mine")), signed("cust-91"))
                .statusCode()).as("another signed customer").isEqualTo(404);
    }

    @Test
    void aDeviceWithoutTheTokenRatesTheHelpWithTheSignedIdAndAnotherCustomerCannot() throws Exception {
        start(Map.of(SignedCustomerIds.SECRET_KEY, SECRET));
        String id = json(post("/api/help", "{\"text\": \"my router is dead\"}", signed("cust-95")))
                .get("conversationId").textValue();
        helpDesk.askRating(id);

        HttpResponse<String> stranger = post("/api/conversations/" + id + "/rating", "{\"score\": 1}", signed("cust-96"));
        HttpResponse<String> rated = post("/api/conversations/" + id + "/rating", "{\"score\": 5, \"comment\": \"quick\"}",
                signed("cust-95"));
        HttpResponse<String> again = post("/api/conversations/" + id + "/rating", "{\"score\": 2}", signed("cust-95"));

        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(json(rated).get("score").intValue()).isEqualTo(5);
        assertThat(again.statusCode()).as("once").isEqualTo(409);
        assertThat(helpDesk.ratings()).filteredOn(given -> given.conversationId().equals(id))
                .singleElement().satisfies(given -> assertThat(given.rating().score()).isEqualTo(5));
    }

    @Test
    void aDeviceWithoutTheTokenFollowsTheThreadsPushStreamWithTheSignedId() throws Exception {
        start(Map.of(SignedCustomerIds.SECRET_KEY, SECRET));
        String id = json(post("/api/help", "{\"text\": \"my router is dead\"}", signed("cust-77"))).get("conversationId")
                .textValue();

        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                gateway.uri("/api/conversations/" + id + "/events")).header(SignedCustomerIds.HEADER, signed("cust-77"))
                .build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<String> otherCustomer = send(HttpRequest.newBuilder(gateway.uri("/api/conversations/" + id
                + "/events")), signed("cust-78"));
        HttpResponse<String> forged = send(HttpRequest.newBuilder(gateway.uri("/api/conversations/" + id + "/events")),
                "cust-77." + ISSUED + "." + "00".repeat(32));

        try (Stream<String> lines = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> lines.filter(line -> line.contains("my router is dead")).findFirst())).isPresent();
        }
        assertThat(otherCustomer.statusCode()).isEqualTo(404);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json(forged).get("error").textValue()).isEqualTo("invalid-identity");
    }

    @Test
    void aBadSignatureIsRefusedWithInvalidIdentityAndNothingIsStored() throws Exception {
        start(Map.of(SignedCustomerIds.SECRET_KEY, SECRET));

        HttpResponse<String> forged = post("/api/help", "{\"text\": \"hello\"}",
                "cust-42." + ISSUED + "." + SignedCustomerIds.sign("a-guessed-secret-of-32-characters!", "cust-42", ISSUED));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json(forged).get("error").textValue()).isEqualTo("invalid-identity");
        assertThat(helpDesk.submitted()).isEmpty();
    }

    @Test
    void withoutASecretASignedIdIsRefusedAndAnonymousVisitorsAreServedAsBefore() throws Exception {
        start(Map.of());

        HttpResponse<String> refused = post("/api/help", "{\"text\": \"hello\"}", signed("cust-42"));
        HttpResponse<String> anonymous = post("/api/help", "{\"text\": \"hello\", \"visitorId\": \"cust-42-visitor\"}", null);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("message").textValue()).contains("not enabled");
        assertThat(anonymous.statusCode()).isEqualTo(201);
    }
}
