package dev.switchboard.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.testkit.LogCapture;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.Interaction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A call to the help number: {@code /twilio/voice} and its menu at {@code /twilio/voice/menu}, on a real Jetty. */
class HelpNumberCallTest {
    private static final String CALLER = "+447700900321";
    private WebhookServer server;

    @BeforeEach
    void start() throws Exception {
        server = new WebhookServer(TestSettings.values("http://127.0.0.1:9"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** The form of Twilio's voice webhook for a call to the help number; {@code digits} may be {@code null}. */
    static Map<String, String> call(String callSid, String from, String digits) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TestSettings.ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("CallSid", callSid);
        form.put("CallStatus", "in-progress");
        form.put("Called", TestSettings.FROM);
        form.put("Caller", from);
        form.put("Direction", "inbound");
        form.put("From", from);
        form.put("To", TestSettings.FROM);
        if (digits != null) {
            form.put("Digits", digits);
            form.put("FinishedOnKey", "");
        }
        return form;
    }

    private WebhookServer.Answer signed(String path, Map<String, String> form) {
        return server.postSigned(path, form, TestSettings.AUTH_TOKEN);
    }

    @Test
    void aCallIsKeptInTheCallersThreadAndAnsweredWithTheMenu() {
        WebhookServer.Answer answer = signed("/twilio/voice", call("CA0001", CALLER, null));
        WebhookServer.Answer retried = signed("/twilio/voice", call("CA0001", CALLER, null));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/xml");
        assertThat(answer.body())
                .contains("<Gather action=\"https://help.example.com/twilio/voice/menu\"")
                .contains("numDigits=\"1\"")
                .contains("press 1", "press 2")
                .contains("<Hangup/>");
        assertThat(retried.body()).isEqualTo(answer.body());
        assertThat(server.helpDesk.notes()).hasSize(2);
        assertThat(server.helpDesk.submitted()).singleElement().satisfies(interaction -> {
            assertThat(interaction.text()).isEqualTo("Called the help number.");
            assertThat(interaction.channel()).isEqualTo(Channel.VOICE);
            assertThat(interaction.address()).isEqualTo(new E164Number(CALLER));
            assertThat(interaction.idempotencyKey()).isEqualTo("CA0001");
            assertThat(interaction.request()).isNull();
        });
    }

    @Test
    void key1TextsTheCallerALinkToTheHelpPagesAndSaysGoodbye() {
        signed("/twilio/voice", call("CA0002", CALLER, null));
        WebhookServer.Answer answer = signed("/twilio/voice/menu", call("CA0002", CALLER, "1"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("texting you a link", "Goodbye", "<Hangup/>").doesNotContain("<Gather");
        assertThat(server.helpDesk.submitted()).hasSize(2);
        Interaction choice = server.helpDesk.submitted().get(1);
        assertThat(choice.channel()).isEqualTo(Channel.VOICE);
        assertThat(choice.request()).isEqualTo(ContactRequest.text(new E164Number(CALLER),
                "Our help pages: https://help.example.com/wap"));
        assertThat(choice.text()).contains("link");
    }

    @Test
    void key2AsksForAnAgentAndPutsTheCallerInTheQueue() {
        signed("/twilio/voice", call("CA0003", CALLER, null));
        WebhookServer.Answer answer = signed("/twilio/voice/menu", call("CA0003", CALLER, "2"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("<Enqueue>" + TestSettings.QUEUE + "</Enqueue>").doesNotContain("<Hangup");
        assertThat(server.helpDesk.submitted()).hasSize(2);
        assertThat(server.helpDesk.submitted().get(1).text()).contains("agent");
        assertThat(server.helpDesk.submitted().get(1).request()).isNull();
    }

    @Test
    void anyOtherKeyRepeatsTheMenuAndAsksNothing() {
        signed("/twilio/voice", call("CA0004", CALLER, null));
        WebhookServer.Answer star = signed("/twilio/voice/menu", call("CA0004", CALLER, "*"));
        WebhookServer.Answer none = signed("/twilio/voice/menu", call("CA0004", CALLER, ""));

        assertThat(star.body()).contains("<Gather", "press 1", "press 2");
        assertThat(none.body()).isEqualTo(star.body());
        assertThat(server.helpDesk.submitted()).hasSize(1);
    }

    @Test
    void unsignedAndForgedCallsAreRefusedAndKeepNothing() {
        try (LogCapture refusals = new LogCapture(SignedWebhookServlet.class)) {
            WebhookServer.Answer unsigned = server.post("/twilio/voice", call("CA0005", CALLER, null), null);
            WebhookServer.Answer forged = server.postSigned("/twilio/voice/menu", call("CA0005", CALLER, "1"),
                    "a-guessed-token");

            assertThat(unsigned.status()).isEqualTo(403);
            assertThat(forged.status()).isEqualTo(403);
            assertThat(server.helpDesk.submitted()).isEmpty();
            assertThat(refusals.messages()).anySatisfy(line -> assertThat(line).contains("/twilio/voice", "is missing"))
                    .anySatisfy(line -> assertThat(line).contains("/twilio/voice/menu", "does not match"));
        }
    }

    @Test
    void aWithheldNumberIsAskedToCallShowingItAndABadCallSidIs400() {
        try (LogCapture log = new LogCapture(IncomingCallServlet.class);
             LogCapture refusals = new LogCapture(SignedWebhookServlet.class)) {
            WebhookServer.Answer withheld = signed("/twilio/voice", call("CA0006", "anonymous", null));
            WebhookServer.Answer noSid = signed("/twilio/voice", call("", CALLER, null));

            assertThat(withheld.status()).isEqualTo(200);
            assertThat(withheld.body()).contains("showing your number", "<Hangup/>");
            assertThat(noSid.status()).isEqualTo(400);
            assertThat(noSid.body()).contains("CallSid is missing");
            assertThat(server.helpDesk.submitted()).isEmpty();
            assertThat(log.messages()).anySatisfy(line -> assertThat(line).contains("CA0006", "withheld"));
            assertThat(refusals.messages()).anySatisfy(line -> assertThat(line).contains("CallSid is missing"));
        }
    }

    @Test
    void aHelpDeskThatCannotTakeTheCallGets503ForTwiliosFallback() {
        RecordingHelpDesk helpDesk = server.helpDesk;
        helpDesk.failing(true);

        WebhookServer.Answer answer = signed("/twilio/voice", call("CA0007", CALLER, null));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(helpDesk.submitted()).isEmpty();
    }
}
