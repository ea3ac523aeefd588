package dev.switchboard.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.E164Number;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The SDK sending through our base-URL client to a stand-in for Twilio's API on loopback. */
class TwilioMessagesTest {

    @Test
    void anAnswerLeavesWithTheRightFromToBodyAndAccount() throws Exception {
        try (FakeTwilioApi api = new FakeTwilioApi()) {
            TwilioMessages messages = new TwilioMessages(TestSettings.twilio(api.baseUrl()));

            String sid = messages.send(new E164Number("+447700900123"), "Your parcel leaves today. Zażółć 👍",
                    new OutgoingMessage("cv-7", "m-9"));

            assertThat(sid).startsWith("SM").endsWith("1");
            assertThat(api.received).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + TestSettings.ACCOUNT_SID + "/Messages.json");
                assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
                assertThat(request.form()).containsEntry("To", "+447700900123")
                        .containsEntry("From", TestSettings.FROM)
                        .containsEntry("Body", "Your parcel leaves today. Zażółć 👍")
                        .containsEntry("StatusCallback",
                                TestSettings.PUBLIC_URL + "/twilio/status?conversation=cv-7&message=m-9");
                assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                        (TestSettings.ACCOUNT_SID + ":" + TestSettings.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
            });
        }
    }

    @Test
    void aBaseUrlWithAPathKeepsIt() throws Exception {
        try (FakeTwilioApi api = new FakeTwilioApi()) {
            new TwilioMessages(TestSettings.twilio(api.baseUrl() + "/twilio-proxy/")).send(new E164Number("+447700900123"), "hi", null);

            assertThat(api.received).singleElement().satisfies(request -> assertThat(request.path())
                    .isEqualTo("/twilio-proxy/2010-04-01/Accounts/" + TestSettings.ACCOUNT_SID + "/Messages.json"));
        }
    }

    @Test
    void aRefusalBringsTwiliosErrorCode() throws Exception {
        try (FakeTwilioApi api = new FakeTwilioApi()) {
            api.refuseWith(21211);
            TwilioMessages messages = new TwilioMessages(TestSettings.twilio(api.baseUrl()));

            assertThatThrownBy(() -> messages.send(new E164Number("+447700900123"), "hi", null))
                    .isInstanceOf(TwilioMessages.SendFailedException.class)
                    .hasMessageContaining("Twilio error 21211")
                    .hasMessageContaining("HTTP 400");
        }
    }
}
