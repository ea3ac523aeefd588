package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.smsc.simulator.PhoneText;
import dev.switchboard.smsc.simulator.SmscSimulator;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestGateways;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A web visitor has the answer he got texted to his phone: it leaves over real SMPP and stays in his thread. */
class TextMeOverWebTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theLatestAnswerGoesToThePhoneTheVisitorGivesAndAnotherVisitorCannotAsk(@TempDir Path dataDir) throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(0, "desk", "s3cret");
             Gateway gateway = TestGateways.start(dataDir, Map.of("switchboard.smpp.host", "127.0.0.1",
                     "switchboard.smpp.port", String.valueOf(smsc.port()), "switchboard.smpp.system-id", "desk",
                     "switchboard.smpp.password", "s3cret"))) {
            await().atMost(WAIT).until(smsc::hasReceiver);
            HttpJson web = new HttpJson(gateway.baseUri());
            JsonNode asked = web.postJson("/api/help", "{\"text\": \"What are your opening hours?\"}", null).json();
            String conversation = "/api/conversations/" + asked.path("conversationId").asText();
            String token = asked.path("customerToken").asText();
            String answer = asked.path("reply").path("text").asText();

            HttpJson.Response textMe = web.postJson(conversation + "/messages",
                    "{\"request\": {\"kind\": \"text-me\", \"phone\": \"+44 7700 900777\"}}", token);

            assertThat(textMe.status()).isEqualTo(201);
            assertThat(textMe.json().path("reply").path("text").asText()).isEqualTo("We have texted it to +447700900777.");
            await().atMost(WAIT).until(() -> !smsc.received("+447700900777").isEmpty());
            assertThat(smsc.received("+447700900777")).extracting(PhoneText::text).singleElement()
                    .isEqualTo(answer);
            JsonNode thread = web.get(conversation, token).json();
            assertThat(thread.toString()).contains("Please text me on +447700900777.");
            assertThat(thread.path("messages").findValuesAsText("channel")).contains("sms");

            HttpJson.Response stranger = web.postJson(conversation + "/messages",
                    "{\"request\": {\"kind\": \"text-me\", \"phone\": \"+447700900778\"}}", "not-the-token");
            assertThat(stranger.status()).isEqualTo(404);
            HttpJson.Response badPhone = web.postJson(conversation + "/messages",
                    "{\"request\": {\"kind\": \"call-back\", \"phone\": \"call me\"}}", token);
            assertThat(badPhone.status()).isEqualTo(400);
            assertThat(badPhone.json().path("error").asText()).isEqualTo("invalid-contact-request");
            assertThat(smsc.received("+447700900778")).isEmpty();
        }
    }
}
