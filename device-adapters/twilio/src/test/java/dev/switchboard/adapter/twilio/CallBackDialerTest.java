package dev.switchboard.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.VoiceDialer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call backs placed through the SDK's Calls API, sent to a stand-in for Twilio's API on loopback. */
class CallBackDialerTest {
    private static final E164Number CUSTOMER = new E164Number("+447700900123");

    private static CallBackDialer dialer(FakeTwilioApi api) {
        TwilioSettings settings = TestSettings.twilio(api.baseUrl());
        return new CallBackDialer(settings, settings.restClient());
    }

    @Test
    void aCallBackRingsTheCustomerFromTheHelpNumberAndDialsTheAgent() throws Exception {
        try (FakeTwilioApi api = new FakeTwilioApi()) {
            String callSid = dialer(api).dial(new VoiceDialer.CallBack("cv-7", CUSTOMER,
                    new E164Number("+447700900999"), "Ann <Smith> & Co"));

            assertThat(callSid).startsWith("CA").endsWith("1");
            assertThat(api.received).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + TestSettings.ACCOUNT_SID + "/Calls.json");
                assertThat(request.form()).containsEntry("To", "+447700900123")
                        .containsEntry("From", TestSettings.FROM)
                        .containsEntry("StatusCallback", TestSettings.PUBLIC_URL + "/twilio/voice/status?conversation=cv-7")
                        .containsEntry("StatusCallbackMethod", "POST");
                assertThat(request.repeated().get("StatusCallbackEvent"))
                        .containsExactly("initiated", "ringing", "answered", "completed");
                assertThat(request.form().get("Twiml"))
                        .contains("<Say>This is the help desk calling you back. Connecting you to Ann &lt;Smith&gt; &amp; Co.</Say>")
                        .contains("<Dial><Number>+447700900999</Number></Dial>")
                        .doesNotContain("<Enqueue");
            });
        }
    }

    @Test
    void withoutTheAgentsNumberTheCustomerWaitsInTheQueue() throws Exception {
        try (FakeTwilioApi api = new FakeTwilioApi()) {
            dialer(api).dial(new VoiceDialer.CallBack("cv/8 & more", CUSTOMER, null, null));

            assertThat(api.received).singleElement().satisfies(request -> {
                assertThat(request.form().get("Twiml")).contains("<Enqueue>" + TestSettings.QUEUE + "</Enqueue>")
                        .doesNotContain("<Dial");
                assertThat(request.form()).containsEntry("StatusCallback",
                        TestSettings.PUBLIC_URL + "/twilio/voice/status?conversation=cv%2F8+%26+more");
            });
        }
    }

    @Test
    void aRefusalIsAnErrorAnAgentCanRead() throws Exception {
        try (FakeTwilioApi api = new FakeTwilioApi()) {
            api.refuseWith(21211);

            assertThatThrownBy(() -> dialer(api).dial(new VoiceDialer.CallBack("cv-9", CUSTOMER, null, null)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("+447700900123")
                    .hasMessageContaining("Twilio error 21211");
        }
    }

    @Test
    void anUnreachableTwilioIsAnErrorToo() {
        TwilioSettings settings = TestSettings.twilio("http://127.0.0.1:9");
        CallBackDialer dialer = new CallBackDialer(settings, settings.restClient());

        assertThatThrownBy(() -> dialer.dial(new VoiceDialer.CallBack("cv-10", CUSTOMER, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Twilio did not place the call to +447700900123");
    }

    @Test
    void theDialerIsRegisteredOnlyWhenTwilioIsConfigured() throws Exception {
        try (WebhookServer on = new WebhookServer(TestSettings.values("http://127.0.0.1:9"));
             WebhookServer off = new WebhookServer(java.util.Map.of(TwilioSettings.API_BASE_URL, "https://api.twilio.com"))) {
            assertThat(on.gateway.dialer()).containsSame(on.adapter.dialer().orElseThrow());
            assertThat(on.gateway.mountedPaths())
                    .containsAll(List.of("/twilio/voice", "/twilio/voice/menu", "/twilio/voice/status"));
            assertThat(off.gateway.dialer()).isEmpty();
        }
    }
}
