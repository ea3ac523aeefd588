package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ConversationView;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.Outcome;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.HttpJson.Response;
import dev.switchboard.testing.TestGateways;
import dev.switchboard.testing.TwilioWebhooks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Twilio channel in a whole gateway on a free port, reached as Twilio reaches it through a proxy: webhooks
 * signed for the public address, posted to 127.0.0.1.
 */
class TwilioChannelTest {
    @TempDir
    static Path dataDir;
    static Gateway gateway;
    static HttpJson http;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = TestGateways.start(dataDir, TwilioWebhooks.settings("http://127.0.0.1:9"));
        http = new HttpJson(gateway.baseUri());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    /** The customer texted before: his conversation and its token, to read his thread as he may. */
    private static Outcome earlierText(String number) {
        return gateway.helpDesk().submit(new Interaction("earlier-" + number, Channel.SMS, DeviceProfile.TWIML,
                new E164Number(number), "Hello", DeviceContext.EMPTY, Instant.now()), null);
    }

    private static List<ThreadMessage> inbound(Outcome opened) {
        ConversationView thread = gateway.helpDesk().conversation(opened.conversationId(), opened.customerToken())
                .orElseThrow();
        return thread.messages().stream().filter(m -> m.direction() == ThreadMessage.Direction.INBOUND).toList();
    }

    private static Response signed(Map<String, String> form) {
        return http.send(TwilioWebhooks.signedPost(gateway.baseUri(), "/twilio/sms", form));
    }

    @Test
    void aSignedSmsIsAnsweredFromTheKnowledgeBaseInTwiml() {
        Response answer = signed(TwilioWebhooks.sms("SMa0000000000000000000000000000001", "+447700900201",
                "What are your opening hours?"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/xml");
        assertThat(answer.body()).startsWith("<?xml").contains("<Response><Message>").contains("open")
                .contains("</Message></Response>");
    }

    @Test
    void unsignedAndForgedWebhooksAre403AndNeverReachTheThread() {
        Outcome opened = earlierText("+447700900202");
        Map<String, String> form = TwilioWebhooks.sms("SMa0000000000000000000000000000002", "+447700900202",
                "Please send my refund to account 99");

        Response unsigned = http.send(TwilioWebhooks.post(gateway.baseUri(), "/twilio/sms", form, null));
        Response forged = http.send(TwilioWebhooks.post(gateway.baseUri(), "/twilio/sms", form,
                TwilioWebhooks.sign("a-guessed-token", TwilioWebhooks.PUBLIC_URL + "/twilio/sms", form)));
        Response signedForTheGatewayItself = http.send(TwilioWebhooks.post(gateway.baseUri(), "/twilio/sms", form,
                TwilioWebhooks.sign(TwilioWebhooks.AUTH_TOKEN, gateway.baseUri().resolve("/twilio/sms").toString(), form)));

        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(signedForTheGatewayItself.status()).as("signed for another address than the public one").isEqualTo(403);
        assertThat(inbound(opened)).extracting(ThreadMessage::text).containsExactly("Hello");
    }

    @Test
    void aRetriedMessageSidGetsTheSameAnswerAndTheThreadHasOneCopy() {
        Outcome opened = earlierText("+447700900203");
        Map<String, String> form = TwilioWebhooks.sms("SMa0000000000000000000000000000003", "+447700900203",
                "How much does roaming cost?");

        Response first = signed(form);
        Response retry = signed(form);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(inbound(opened)).extracting(ThreadMessage::text)
                .containsExactly("Hello", "How much does roaming cost?");
        assertThat(inbound(opened).get(1).channel()).isEqualTo(Channel.SMS);
    }

    @Test
    void aPictureWithoutWordsIsKeptInTheThreadWithItsLink() {
        Outcome opened = earlierText("+447700900204");
        Map<String, String> form = TwilioWebhooks.sms("MMa0000000000000000000000000000004", "+447700900204", "");
        form.put("NumMedia", "1");
        form.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM4/Media/ME4");
        form.put("MediaContentType0", "image/png");

        Response answer = signed(form);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("<Response>");
        assertThat(inbound(opened)).extracting(ThreadMessage::text).containsExactly("Hello",
                "[image/png] https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM4/Media/ME4");
    }

    @Test
    void aSignedWebhookWithAMalformedSenderGetsEmptyTwiml() {
        Response answer = signed(TwilioWebhooks.sms("SMa0000000000000000000000000000005", "not-a-number", "hi"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/xml");
        assertThat(answer.body()).contains("<Response/>");
    }

    @Test
    void aSignedStatusCallbackUpdatesTheDeliveryOfItsThreadMessageAndAForgedOneDoesNot() {
        Outcome opened = earlierText("+447700900207");
        String path = "/twilio/status?conversation=" + opened.conversationId() + "&message=" + opened.replyMessageId();

        Response forged = http.send(TwilioWebhooks.post(gateway.baseUri(), path,
                TwilioWebhooks.statusCallback("SMb0000000000000000000000000000007", "delivered", null), "Zm9yZ2Vk"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(reply(opened).delivery()).isNull();

        Response undelivered = http.send(TwilioWebhooks.signedPost(gateway.baseUri(), path,
                TwilioWebhooks.statusCallback("SMb0000000000000000000000000000007", "undelivered", "30003")));

        assertThat(undelivered.status()).isEqualTo(204);
        assertThat(reply(opened).delivery()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(reply(opened).deliveryDetail()).isEqualTo("undelivered, Twilio error 30003");
    }

    private static ThreadMessage reply(Outcome opened) {
        return gateway.helpDesk().conversation(opened.conversationId(), opened.customerToken()).orElseThrow()
                .messages().stream().filter(m -> m.id().equals(opened.replyMessageId())).findFirst().orElseThrow();
    }

    @Test
    void healthShowsTheChannelUp() {
        Response health = http.get("/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").path("adapters").path("twilio").path("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void withoutTwilioSettingsTheChannelIsOffAndTheGatewayStaysUp(@TempDir Path otherDataDir) throws Exception {
        try (Gateway plain = TestGateways.start(otherDataDir)) {
            HttpJson plainHttp = new HttpJson(plain.baseUri());
            Response health = plainHttp.get("/health", null);

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("UP");
            assertThat(health.json().path("components").path("adapters").path("twilio").path("status").asText())
                    .isEqualTo("OFF");
            assertThat(health.json().path("components").path("adapters").path("twilio").path("detail").asText())
                    .contains("not configured");
            assertThat(plainHttp.send(TwilioWebhooks.signedPost(plain.baseUri(), "/twilio/sms",
                    TwilioWebhooks.sms("SMa0000000000000000000000000000006", "+447700900206", "hi"))).status())
                    .as("nobody serves the webhook").isIn(404, 405);
        }
    }
}
