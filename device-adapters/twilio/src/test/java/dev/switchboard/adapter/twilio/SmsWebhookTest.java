package dev.switchboard.adapter.twilio;

import dev.switchboard.adapter.testkit.TwilioSigner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.testkit.LogCapture;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.Interaction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /twilio/sms} on a real Jetty, posted to as Twilio posts: only what Twilio signed reaches the help desk. */
class SmsWebhookTest {
    private WebhookServer server;

    @BeforeEach
    void start() throws Exception {
        server = new WebhookServer(TestSettings.values("http://127.0.0.1:9"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    static Map<String, String> sms(String messageSid, String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "US");
        form.put("SmsMessageSid", messageSid);
        form.put("NumMedia", "0");
        form.put("MessageSid", messageSid);
        form.put("AccountSid", TestSettings.ACCOUNT_SID);
        form.put("From", from);
        form.put("To", TestSettings.FROM);
        form.put("Body", body);
        form.put("NumSegments", "1");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    @Test
    void aSignedSmsReachesTheHelpDeskAndIsAnsweredInTwiml() {
        WebhookServer.Answer answer = server.postSigned("/twilio/sms",
                sms("SM0001", "+447700900123", "Where is my parcel? <urgent> & more"), TestSettings.AUTH_TOKEN);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/xml");
        assertThat(answer.body()).contains("<Response><Message>Got it: Where is my parcel? &lt;urgent&gt; &amp; more</Message>");
        assertThat(server.helpDesk.submitted()).hasSize(1);
        Interaction interaction = server.helpDesk.submitted().get(0);
        assertThat(interaction.idempotencyKey()).isEqualTo("SM0001");
        assertThat(interaction.channel()).isEqualTo(Channel.SMS);
        assertThat(interaction.profile()).isEqualTo(DeviceProfile.TWIML);
        assertThat(interaction.address()).isEqualTo(new E164Number("+447700900123"));
        assertThat(interaction.text()).isEqualTo("Where is my parcel? <urgent> & more");
    }

    @Test
    void anUnsignedWebhookIsRefusedWith403LoggedAndNotProcessed() {
        try (LogCapture log = new LogCapture(SignedWebhookServlet.class)) {
            WebhookServer.Answer answer = server.post("/twilio/sms", sms("SM0002", "+447700900123", "hello"), null);

            assertThat(answer.status()).isEqualTo(403);
            assertThat(server.helpDesk.submitted()).isEmpty();
            assertThat(log.messages()).anySatisfy(line -> assertThat(line)
                    .contains("/twilio/sms", "X-Twilio-Signature is missing", "SM0002"));
        }
    }

    @Test
    void aForgedOrTamperedWebhookIsRefusedWith403LoggedAndNotProcessed() {
        try (LogCapture log = new LogCapture(SignedWebhookServlet.class)) {
            Map<String, String> form = sms("SM0003", "+447700900123", "hello");
            String forged = TwilioSigner.sign("someone-elses-token", TestSettings.PUBLIC_URL + "/twilio/sms", form);
            assertThat(server.post("/twilio/sms", form, forged).status()).isEqualTo(403);

            String genuine = TwilioSigner.sign(TestSettings.AUTH_TOKEN, TestSettings.PUBLIC_URL + "/twilio/sms", form);
            form.put("Body", "send the refund to another account");
            assertThat(server.post("/twilio/sms", form, genuine).status()).as("body changed after signing").isEqualTo(403);

            String forAnotherHost = TwilioSigner.sign(TestSettings.AUTH_TOKEN, "https://evil.example.com/twilio/sms", form);
            assertThat(server.post("/twilio/sms", form, forAnotherHost).status()).isEqualTo(403);

            assertThat(server.helpDesk.submitted()).isEmpty();
            assertThat(log.messages()).filteredOn(line -> line.contains("does not match")).hasSize(3);
        }
    }

    @Test
    void theSignatureCoversTheQueryOfTheUrlTwilioCalled() {
        Map<String, String> form = sms("SM0004", "+447700900123", "hello");
        String signature = TwilioSigner.sign(TestSettings.AUTH_TOKEN,
                TestSettings.PUBLIC_URL + "/twilio/sms?campaign=spring", form);

        assertThat(server.post("/twilio/sms?campaign=spring", form, signature).status()).isEqualTo(200);
        assertThat(server.post("/twilio/sms?campaign=autumn", sms("SM0005", "+447700900123", "hello"), signature).status())
                .isEqualTo(403);
    }

    @Test
    void aRetriedMessageSidIsProcessedOnceAndAnsweredAsTheFirstTime() {
        Map<String, String> form = sms("SM0006", "+447700900123", "first try");
        WebhookServer.Answer first = server.postSigned("/twilio/sms", form, TestSettings.AUTH_TOKEN);
        WebhookServer.Answer retry = server.postSigned("/twilio/sms", form, TestSettings.AUTH_TOKEN);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(server.helpDesk.submitted()).hasSize(1);
    }

    @Test
    void aPictureWithoutWordsIsKeptWithItsLinks() {
        Map<String, String> form = sms("MM0007", "+447700900123", "");
        form.put("NumMedia", "2");
        form.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM0007/Media/ME1");
        form.put("MediaContentType0", "image/jpeg");
        form.put("MediaUrl1", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM0007/Media/ME2");
        form.put("MediaContentType1", "video/mp4");

        WebhookServer.Answer answer = server.postSigned("/twilio/sms", form, TestSettings.AUTH_TOKEN);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(server.helpDesk.submitted()).singleElement().satisfies(interaction -> assertThat(interaction.text())
                .isEqualTo("[image/jpeg] https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM0007/Media/ME1\n"
                        + "[video/mp4] https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM0007/Media/ME2"));
    }

    @Test
    void aSignedWebhookWithoutAUsableSenderIsLoggedAndAnsweredWithEmptyTwiml() {
        try (LogCapture log = new LogCapture(SmsWebhookServlet.class)) {
            Map<String, String> noFrom = sms("SM0008", "+447700900123", "hello");
            noFrom.remove("From");
            Map<String, String> shortCode = sms("SM0009", "HELPDESK", "hello");

            for (Map<String, String> form : java.util.List.of(noFrom, shortCode)) {
                WebhookServer.Answer answer = server.postSigned("/twilio/sms", form, TestSettings.AUTH_TOKEN);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.contentType()).startsWith("text/xml");
                assertThat(answer.body()).contains("<Response/>");
            }

            assertThat(server.helpDesk.submitted()).isEmpty();
            assertThat(log.messages()).anySatisfy(line -> assertThat(line).contains("SM0008", "From is missing"));
            assertThat(log.messages()).anySatisfy(line -> assertThat(line).contains("SM0009", "international form"));
        }
    }

    @Test
    void aMessageTheHelpDeskRefusesIsAnsweredWithTheReasonInTwiml() {
        WebhookServer.Answer answer = server.postSigned("/twilio/sms",
                sms("SM0010", "+447700900123", "x".repeat(2_001)), TestSettings.AUTH_TOKEN);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("<Message>the text is longer than 2000 characters</Message>");
    }

    @Test
    void aHelpDeskFailureIs503SoThatTwilioTriesItsFallbackAndTheWebhookKeepsWorking() {
        server.helpDesk.failNextSubmitWith(new IllegalStateException("the database is gone"));
        try (LogCapture log = new LogCapture(SmsWebhookServlet.class)) {
            WebhookServer.Answer failed = server.postSigned("/twilio/sms",
                    sms("SM0011", "+447700900123", "is anyone there?"), TestSettings.AUTH_TOKEN);

            assertThat(failed.status()).isEqualTo(503);
            assertThat(log.messages()).anySatisfy(line -> assertThat(line).contains("SM0011", "nothing stored"));
        }
        assertThat(server.postSigned("/twilio/sms", sms("SM0012", "+447700900123", "still there?"),
                TestSettings.AUTH_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotAFormIsRefusedWith400() {
        WebhookServer.Answer answer = server.send("/twilio/sms", "application/json", "{\"From\": \"+447700900123\"}", "x");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("application/x-www-form-urlencoded");
        assertThat(server.helpDesk.submitted()).isEmpty();
    }

    @Test
    void theCallKeywordInAnyCaseAsksToCallTheSenderBack() {
        server.postSigned("/twilio/sms", sms("SM0100", "+447700900123", " call ME "), TestSettings.AUTH_TOKEN);
        server.postSigned("/twilio/sms", sms("SM0101", "+447700900123", "Call"), TestSettings.AUTH_TOKEN);
        server.postSigned("/twilio/sms", sms("SM0102", "+447700900123", "Can you call me tomorrow?"),
                TestSettings.AUTH_TOKEN);

        assertThat(server.helpDesk.submitted()).extracting(Interaction::request).containsExactly(
                ContactRequest.callBack(new E164Number("+447700900123")),
                ContactRequest.callBack(new E164Number("+447700900123")),
                null);
        assertThat(server.helpDesk.submitted().get(0).text()).isEqualTo(" call ME ");
    }
}
