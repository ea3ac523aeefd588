package dev.switchboard.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioAdapterTest {

    @Test
    void withoutTwilioSettingsTheChannelIsOffAndServesNothing() throws Exception {
        try (WebhookServer server = new WebhookServer(Map.of(TwilioSettings.API_BASE_URL, "https://api.twilio.com"))) {
            assertThat(server.adapter.health().status()).isEqualTo(AdapterHealth.Status.OFF);
            assertThat(server.adapter.health().detail()).contains("not configured", "SWITCHBOARD_TWILIO_ACCOUNT_SID");
            assertThat(server.gateway.mountedPaths()).isEmpty();
            assertThat(server.adapter.messages()).isEmpty();
            assertThat(server.postSigned("/twilio/sms", SmsWebhookTest.sms("SM1", "+447700900123", "hi"),
                    TestSettings.AUTH_TOKEN).status()).as("nobody serves the path").isIn(404, 405);
            assertThat(server.helpDesk.submitted()).isEmpty();
        }
    }

    @Test
    void withTwilioSettingsBothWebhooksAreServedAndHealthIsUp() throws Exception {
        try (WebhookServer server = new WebhookServer(TestSettings.values("https://api.twilio.com"))) {
            assertThat(server.gateway.mountedPaths()).containsExactly("/twilio/sms", "/twilio/status", "/twilio/voice",
                    "/twilio/voice/menu", "/twilio/voice/status");
            assertThat(server.adapter.health().up()).isTrue();
            assertThat(server.adapter.health().detail()).contains("https://help.example.com/twilio/sms", TestSettings.FROM);
            assertThat(server.adapter.messages()).isPresent();
        }
    }

    @Test
    void anAgentsAnswerToACallerIsTextedToHimFromTheHelpNumber() throws Exception {
        try (FakeTwilioApi api = new FakeTwilioApi();
             WebhookServer server = new WebhookServer(TestSettings.values(api.baseUrl()))) {
            assertThat(server.gateway.senders()).containsOnlyKeys(Channel.VOICE);

            server.gateway.senders().get(Channel.VOICE).send(new OutboundMessage("m-2", "cv-1", Channel.VOICE,
                    new E164Number("+447700900321"), Reply.answer("Ann here: your refund is on its way.",
                    Reply.Source.AGENT, List.of())));

            assertThat(api.received).singleElement().satisfies(request -> assertThat(request.form())
                    .containsEntry("To", "+447700900321")
                    .containsEntry("From", TestSettings.FROM)
                    .containsEntry("StatusCallback", TestSettings.PUBLIC_URL + "/twilio/status?conversation=cv-1&message=m-2")
                    .hasEntrySatisfying("Body", body -> assertThat(body).contains("your refund is on its way")));
        }
    }

    @Test
    void asTheSmsSenderItTextsPhonesOutsideConversationsWithACallbackThatNamesNoThread() throws Exception {
        try (FakeTwilioApi api = new FakeTwilioApi()) {
            Map<String, String> values = new java.util.HashMap<>(TestSettings.values(api.baseUrl()));
            values.put("switchboard.sms.sender", "twilio");
            try (WebhookServer server = new WebhookServer(values)) {
                server.gateway.registeredTexter().orElseThrow()
                        .text(new E164Number("+447700900456"), "Your Switchboard help code is 904512.");

                assertThat(api.received).singleElement().satisfies(request -> assertThat(request.form())
                        .containsEntry("To", "+447700900456")
                        .containsEntry("From", TestSettings.FROM)
                        .containsEntry("Body", "Your Switchboard help code is 904512.")
                        .containsEntry("StatusCallback", TestSettings.PUBLIC_URL + "/twilio/status"));
            }
        }
    }

    @Test
    void notTheSmsSenderItTextsNoPhones() throws Exception {
        try (WebhookServer server = new WebhookServer(TestSettings.values("https://api.twilio.com"))) {
            assertThat(server.gateway.registeredTexter()).isEmpty();
        }
    }
}
