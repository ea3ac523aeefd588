package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.agent;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.PhonePage;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent answers customers on the channels they came by, through each channel's own adapter. */
class AgentAnswersOnDeviceChannelsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NUMBER = "+48605000042";

    @Test
    void anAgentsAnswerToAnSmsCustomerReachesHisPhoneThroughTheSmsc(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 1);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            HttpJson phone = new HttpJson(gateway.baseUri());

            assertThat(PhonePage.text(gateway.baseUri(), NUMBER, "Can a person call me about my contract?")).isEqualTo(303);
            await().atMost(WAIT).until(() -> ann.getOk("/api/agent/offers").path("offers").size() == 1);
            String conversation = ann.getOk("/api/agent/offers").path("offers").get(0).path("conversationId").asText();
            ann.postOk("/api/agent/conversations/" + conversation + "/claim", "{}");
            ann.postOk("/api/agent/conversations/" + conversation + "/messages",
                    "{\"text\": \"Your contract ends in March; we can extend it.\", \"idempotencyKey\": \"ann-1\"}");

            await().atMost(WAIT).until(() -> fromDesk(phone).contains("Your contract ends in March; we can extend it."));
            assertThat(fromDesk(phone)).as("the question's own answer came first, the agent's last")
                    .last().isEqualTo("Your contract ends in March; we can extend it.");
        }
    }

    @Test
    void anAgentsAnswerToAWapPhoneShowsInThePhonesConversationDeck(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gateway(dir, Map.of("switchboard.wap.trusted-gateways", "127.0.0.1/32"))) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", AgentRoutingApiTest.BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 1);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            WapBrowser phone = WapBrowser.wmlPhone(URI.create("http://127.0.0.1:" + gateway.httpPort()))
                    .header("X-MSISDN", "48601999888");

            Page hours = phone.follow(phone.open("/wap"), "Opening hours");
            Page queued = phone.submit(hours, "Send", Map.of("q", "My roaming bill from Norway looks wrong"));
            await().atMost(WAIT).until(() -> ann.getOk("/api/agent/offers").path("offers").size() == 1);
            String conversation = ann.getOk("/api/agent/offers").path("offers").get(0).path("conversationId").asText();
            ann.postOk("/api/agent/conversations/" + conversation + "/claim", "{}");
            ann.postOk("/api/agent/conversations/" + conversation + "/messages",
                    "{\"text\": \"I refunded the Norway charges: 12,40 $ back.\", \"idempotencyKey\": \"ann-wap-1\"}");

            Page deck = phone.follow(queued, "Your conversation");
            assertThat(deck.isWml()).isTrue();
            assertThat(deck.text()).contains("Ann", "I refunded the Norway charges: 12,40 $ back.");
            assertThat(deck.text().indexOf("I refunded")).as("newest first")
                    .isLessThan(deck.text().indexOf("My roaming bill from Norway looks wrong"));
        }
    }

    private static List<String> fromDesk(HttpJson phone) {
        List<String> texts = new ArrayList<>();
        for (JsonNode text : phone.get("/smpp/phone/texts?number=" + URLEncoder.encode(NUMBER, StandardCharsets.UTF_8), null)
                .json()) {
            if (text.path("fromDesk").asBoolean()) {
                texts.add(text.path("text").asText());
            }
        }
        return texts;
    }

}
