package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.agent;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.FakeTwilioApi;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.SignedIds;
import dev.switchboard.testing.PhonePage;
import dev.switchboard.testing.TwilioWebhooks;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When an agent finishes a conversation the customer is asked once to rate the help, in his channel's way; his rating
 * is stored with the conversation and the agent, shown to the agent and counted, and a reply that is no rating is a
 * message. A whole gateway: the web customer through the JSON API, the SMS customer through the SMSC simulator.
 */
class CustomersRateTheHelpTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String QUESTION = "How did Ann help you? Reply with a number from 1 (poor) to 5 (very good).";

    @Test
    void aSignedCustomerRatesFromADeviceThatHoldsNoToken(@TempDir Path dir) throws Exception {
        String secret = "5d1c3b7a9e2f4c6a8b0d1e3f5a7c9b2d-shop";
        try (Gateway gateway = gateway(dir, Map.of("switchboard.widget.identity-secret", secret))) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 2);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            String kim = SignedIds.signed(secret, "kim-4711", Instant.now().getEpochSecond());
            HttpJson laptop = new HttpJson(gateway.baseUri());
            String conversation = signedPost(gateway, laptop, "/api/help", "{\"text\": \"My invoice is wrong\"}", kim)
                    .json().path("conversationId").asText();
            assertThat(ann.claimNextOffer()).isEqualTo(conversation);
            ann.postOk("/api/agent/conversations/" + conversation + "/finish", "{}");

            HttpJson phone = new HttpJson(gateway.baseUri());
            String rating = "/api/conversations/" + conversation + "/rating";
            HttpJson.Response stranger = signedPost(gateway, phone, rating, "{\"score\": 1}",
                    SignedIds.signed(secret, "lee-1", Instant.now().getEpochSecond()));
            HttpJson.Response rated = signedPost(gateway, phone, rating, "{\"score\": 4}", kim);

            assertThat(stranger.status()).isEqualTo(404);
            assertThat(rated.status()).as(rated.body()).isEqualTo(200);
            await().atMost(WAIT).untilAsserted(() -> assertThat(ann.getOk("/api/agent/conversations/" + conversation)
                    .path("ratings").get(0).path("score").asInt()).isEqualTo(4));
        }
    }

    private static HttpJson.Response signedPost(Gateway gateway, HttpJson device, String path, String body,
                                                String signedId) {
        return device.send(java.net.http.HttpRequest.newBuilder(gateway.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header(SignedIds.HEADER, signedId).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void aWebCustomerRatesOnceWithACommentAndTheAgentSeesItCounted(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 2);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            HttpJson web = new HttpJson(gateway.baseUri());
            Instant before = Instant.now();

            JsonNode asked = web.postJson("/api/help", "{\"text\": \"My invoice is wrong\", \"visitorId\": \"v-rate-1\"}",
                    null).json();
            String conversation = asked.path("conversationId").asText();
            String token = asked.path("customerToken").asText();
            String path = "/api/conversations/" + conversation;
            assertThat(web.get(path, token).json().path("ratingAsked").asBoolean()).isFalse();
            assertThat(web.postJson(path + "/rating", "{\"score\": 5}", token).status())
                    .as("no rating is asked before the finish").isEqualTo(409);

            assertThat(ann.claimNextOffer()).isEqualTo(conversation);
            ann.postOk(path.replace("/api/", "/api/agent/") + "/messages", "{\"text\": \"I corrected it.\"}");
            ann.postOk("/api/agent/conversations/" + conversation + "/finish", "{\"wrapUp\": \"billing\"}");

            JsonNode thread = web.get(path, token).json();
            assertThat(thread.path("ratingAsked").asBoolean()).isTrue();
            assertThat(last(thread).path("text").asText()).as("the question is in his thread").isEqualTo(QUESTION);
            assertThat(last(thread).path("author").asText()).isEqualTo("help desk");

            HttpJson.Response rated = web.postJson(path + "/rating",
                    "{\"score\": 4, \"comment\": \"Quick, <b>kind</b>\"}", token, "rating-1");
            assertThat(rated.status()).isEqualTo(200);
            assertThat(rated.json().path("score").asInt()).isEqualTo(4);
            assertThat(web.postJson(path + "/rating", "{\"score\": 4, \"comment\": \"Quick, <b>kind</b>\"}", token,
                    "rating-1").status()).as("a retry of the same key").isEqualTo(200);
            assertThat(web.postJson(path + "/rating", "{\"score\": 1}", token).status()).as("a second answer")
                    .isEqualTo(409);
            assertThat(web.get(path, token).json().path("ratingAsked").asBoolean()).isFalse();

            JsonNode seen = ann.getOk("/api/agent/conversations/" + conversation);
            assertThat(seen.path("ratings")).hasSize(1);
            JsonNode rating = seen.path("ratings").get(0);
            assertThat(rating.path("status").asText()).isEqualTo("rated");
            assertThat(rating.path("score").asInt()).isEqualTo(4);
            assertThat(rating.path("comment").asText()).isEqualTo("Quick, <b>kind</b>");
            assertThat(rating.path("agent").asText()).isEqualTo("ann");
            assertThat(rating.path("askedOn").asText()).isEqualTo("web-chat");
            assertThat(rating.path("ratedOn").asText()).isEqualTo("web-chat");
            assertThat(ann.getOk("/api/agent/ratings").path("ratings")).hasSize(1);
            assertThat(ann.getOk("/api/agent/queue").path("waiting")).as("a rating queues nobody").isEmpty();

            String period = "?from=" + before + "&to=" + Instant.now().plusSeconds(1);
            JsonNode counts = boss.getOk("/api/agent/ratings/counts" + period).path("counts");
            assertThat(counts).hasSize(1);
            assertThat(counts.get(0).path("agent").asText()).isEqualTo("ann");
            assertThat(counts.get(0).path("channel").asText()).isEqualTo("web-chat");
            assertThat(counts.get(0).path("count").asLong()).isEqualTo(1);
            assertThat(counts.get(0).path("average").asDouble()).isEqualTo(4.0);
            assertThat(ann.get("/api/agent/ratings/counts" + period).status()).as("managers only").isEqualTo(403);
            assertThat(boss.get("/api/agent/ratings/counts?from=yesterday&to=now").status()).isEqualTo(400);
        }
    }

    @Test
    void anSmsCustomerRepliesFourWhichIsStoredOnceAndNeitherQueuedNorAnOfflineMessage(@TempDir Path dir) throws Exception {
        String number = "+48605000071";
        try (Gateway gateway = gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 2);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            HttpJson phone = new HttpJson(gateway.baseUri());

            assertThat(PhonePage.text(gateway.baseUri(), number, "My bill doubled this month")).isEqualTo(303);
            String conversation = ann.claimNextOffer();
            ann.postOk("/api/agent/conversations/" + conversation + "/finish", "{}");
            await().atMost(WAIT).until(() -> fromDesk(phone, number).contains(QUESTION));

            assertThat(PhonePage.text(gateway.baseUri(), number, "4")).isEqualTo(303);
            await().atMost(WAIT).until(() -> fromDesk(phone, number).contains("Thank you for rating our help: 4 of 5."));
            JsonNode ratings = ann.getOk("/api/agent/conversations/" + conversation).path("ratings");
            assertThat(ratings).hasSize(1);
            assertThat(ratings.get(0).path("score").asInt()).isEqualTo(4);
            assertThat(ratings.get(0).path("ratedOn").asText()).isEqualTo("sms");
            assertThat(ann.getOk("/api/agent/queue").path("waiting")).as("a rating queues nobody").isEmpty();
            assertThat(ann.getOk("/api/agent/offers").path("offers")).isEmpty();
            assertThat(AgentClient.texts(ann.getOk("/api/agent/conversations/" + conversation)))
                    .as("the question and the answer are in the thread").endsWith(QUESTION, "4",
                            "Thank you for rating our help: 4 of 5.");

            // Answered: the next "5" is a message like any other, and the rating stays one.
            assertThat(PhonePage.text(gateway.baseUri(), number, "5")).isEqualTo(303);
            await().atMost(WAIT).until(() -> ann.getOk("/api/agent/offers").path("offers").size() == 1);
            assertThat(ann.getOk("/api/agent/conversations/" + conversation).path("ratings")).hasSize(1);
            assertThat(ann.getOk("/api/agent/ratings").path("ratings")).hasSize(1);
        }
    }

    @Test
    void anSmsReplyThatIsNoRatingIsAMessageAndTheQuestionLapses(@TempDir Path dir) throws Exception {
        String number = "+48605000072";
        try (Gateway gateway = gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 2);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            HttpJson phone = new HttpJson(gateway.baseUri());

            assertThat(PhonePage.text(gateway.baseUri(), number, "Where is my parcel?")).isEqualTo(303);
            String conversation = ann.claimNextOffer();
            ann.postOk("/api/agent/conversations/" + conversation + "/finish", "{}");
            await().atMost(WAIT).until(() -> fromDesk(phone, number).contains(QUESTION));

            assertThat(PhonePage.text(gateway.baseUri(), number, "thanks, and another question")).isEqualTo(303);
            await().atMost(WAIT).until(() -> ann.getOk("/api/agent/offers").path("offers").size() == 1);
            assertThat(PhonePage.text(gateway.baseUri(), number, "3")).isEqualTo(303);
            await().atMost(WAIT).until(() -> AgentClient.texts(ann.getOk("/api/agent/conversations/" + conversation))
                    .contains("3"));
            assertThat(fromDesk(phone, number)).noneMatch(text -> text.startsWith("Thank you for rating"));
            assertThat(ann.getOk("/api/agent/conversations/" + conversation).path("ratings").get(0)
                    .path("status").asText()).isEqualTo("asked");
            assertThat(ann.getOk("/api/agent/ratings").path("ratings")).isEmpty();
        }
    }

    @Test
    void aWapPhoneIsAskedInItsConversationDeckAndPicksFourOnItsScale(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gateway(dir, Map.of("switchboard.wap.trusted-gateways", "127.0.0.1/32"))) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 1);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            WapBrowser phone = WapBrowser.wmlPhone(URI.create("http://127.0.0.1:" + gateway.httpPort()))
                    .header("X-MSISDN", "48601999777");

            Page hours = phone.follow(phone.open("/wap"), "Opening hours");
            Page queued = phone.submit(hours, "Send", Map.of("q", "Is the shop in Krakow open on Sunday?"));
            String conversation = ann.claimNextOffer();
            ann.postOk("/api/agent/conversations/" + conversation + "/finish", "{}");

            Page deck = phone.follow(queued, "Your conversation");
            assertThat(deck.isWml()).isTrue();
            assertThat(deck.text()).contains(QUESTION);
            Page rating = phone.follow(deck, "Rate the help you got");
            assertThat(rating.isWml()).isTrue();
            assertThat(rating.text()).contains("How did we help you?", "From 1 (poor) to 5 (very good): 1 2 3 4 5");
            Page thanked = phone.follow(rating, "4");
            assertThat(thanked.text()).contains("Thank you for rating our help: 4 of 5.");
            JsonNode ratings = ann.getOk("/api/agent/conversations/" + conversation).path("ratings");
            assertThat(ratings).hasSize(1);
            assertThat(ratings.get(0).path("score").asInt()).isEqualTo(4);
            assertThat(ratings.get(0).path("askedOn").asText()).isEqualTo("wap");
            assertThat(ratings.get(0).path("ratedOn").asText()).isEqualTo("wap");
            assertThat(ann.getOk("/api/agent/queue").path("waiting")).isEmpty();
            assertThat(phone.follow(thanked, "Your conversation").text()).as("answered: no longer linked")
                    .doesNotContain("Rate the help you got");
        }
    }

    @Test
    void aTwilioTextersFourIsARatingAndTheQuestionLeftThroughTwiliosApi(@TempDir Path dir) throws Exception {
        String number = "+447700900301";
        try (FakeTwilioApi twilio = new FakeTwilioApi()) {
            Map<String, String> settings = new HashMap<>(TwilioWebhooks.settings(twilio.baseUrl()));
            settings.put("switchboard.sms.sender", "twilio");
            try (Gateway gateway = gateway(dir, settings)) {
                AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
                AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 1);
                ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
                HttpJson http = new HttpJson(gateway.baseUri());

                assertThat(http.send(TwilioWebhooks.signedPost(gateway.baseUri(), "/twilio/sms", TwilioWebhooks.sms(
                        "SMc0000000000000000000000000000001", number, "My bill doubled this month"))).status()).isEqualTo(200);
                String conversation = ann.claimNextOffer();
                ann.postOk("/api/agent/conversations/" + conversation + "/finish", "{}");
                await().atMost(WAIT).until(() -> twilio.to("Messages.json").stream().anyMatch(text ->
                        number.equals(text.form().get("To")) && QUESTION.equals(text.form().get("Body"))));

                HttpJson.Response rated = http.send(TwilioWebhooks.signedPost(gateway.baseUri(), "/twilio/sms",
                        TwilioWebhooks.sms("SMc0000000000000000000000000000002", number, "4")));
                assertThat(rated.status()).isEqualTo(200);
                assertThat(rated.body()).contains("Thank you for rating our help: 4 of 5.");
                JsonNode ratings = ann.getOk("/api/agent/conversations/" + conversation).path("ratings");
                assertThat(ratings).hasSize(1);
                assertThat(ratings.get(0).path("score").asInt()).isEqualTo(4);
                assertThat(ratings.get(0).path("ratedOn").asText()).isEqualTo("sms");
                assertThat(ann.getOk("/api/agent/queue").path("waiting")).isEmpty();
            }
        }
    }

    private static JsonNode last(JsonNode thread) {
        JsonNode messages = thread.path("messages");
        return messages.get(messages.size() - 1);
    }

    private static List<String> fromDesk(HttpJson phone, String number) {
        List<String> texts = new ArrayList<>();
        for (JsonNode text : phone.get("/smpp/phone/texts?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8),
                null).json()) {
            if (text.path("fromDesk").asBoolean()) {
                texts.add(text.path("text").asText());
            }
        }
        return texts;
    }
}
