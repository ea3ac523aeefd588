package dev.switchboard.adapter.twilio;

import dev.switchboard.adapter.testkit.TwilioSigner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.testkit.LogCapture;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.spi.CallReport;
import dev.switchboard.spi.E164Number;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /twilio/voice/status} on a real Jetty: how each call ended reaches the customer's thread, once. */
class CallStatusEndpointTest {
    private static final String CUSTOMER = "+447700900123";
    private static final String ENDED = "Mon, 23 Nov 2026 10:15:42 +0000";
    private WebhookServer server;

    @BeforeEach
    void start() throws Exception {
        server = new WebhookServer(TestSettings.values("http://127.0.0.1:9"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** A call status callback as Twilio posts it; {@code duration} may be {@code null}. */
    static Map<String, String> status(String callSid, String status, String from, String to, String direction,
                                      String duration) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TestSettings.ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("CallSid", callSid);
        form.put("CallStatus", status);
        form.put("CallbackSource", "call-progress-events");
        form.put("Direction", direction);
        form.put("From", from);
        form.put("To", to);
        form.put("SequenceNumber", "3");
        form.put("Timestamp", ENDED);
        if (duration != null) {
            form.put("CallDuration", duration);
            form.put("Duration", "2");
        }
        return form;
    }

    private static Map<String, String> callBack(String callSid, String status, String duration) {
        return status(callSid, status, TestSettings.FROM, CUSTOMER, "outbound-api", duration);
    }

    private WebhookServer.Answer signed(String path, Map<String, String> form) {
        return server.postSigned(path, form, TestSettings.AUTH_TOKEN);
    }

    @Test
    void aCompletedCallBackIsLoggedInItsConversationWithStartAndDurationOnce() {
        String path = "/twilio/voice/status?conversation=cv-3";
        WebhookServer.Answer ringing = signed(path, callBack("CA100", "ringing", null));
        WebhookServer.Answer completed = signed(path, callBack("CA100", "completed", "95"));
        WebhookServer.Answer repeated = signed(path, callBack("CA100", "completed", "95"));

        assertThat(ringing.status()).isEqualTo(204);
        assertThat(completed.status()).isEqualTo(204);
        assertThat(repeated.status()).isEqualTo(204);
        assertThat(server.helpDesk.callLogs()).containsExactly(new RecordingHelpDesk.CallLog("cv-3", new CallReport(
                "CA100", CallReport.Direction.CALL_BACK, new E164Number(CUSTOMER), "completed",
                Instant.parse("2026-11-23T10:14:07Z"), Duration.ofSeconds(95))));
    }

    @Test
    void aCallBackNobodyAnsweredIsLoggedWithoutStartOrDuration() {
        for (String status : new String[] {"busy", "no-answer", "failed", "canceled"}) {
            signed("/twilio/voice/status?conversation=cv-4", callBack("CA" + status.replace("-", ""), status, "0"));
        }

        assertThat(server.helpDesk.callLogs()).extracting(log -> log.report().status())
                .containsExactly("busy", "no-answer", "failed", "canceled");
        assertThat(server.helpDesk.callLogs()).allSatisfy(log -> {
            assertThat(log.conversationId()).isEqualTo("cv-4");
            assertThat(log.report().startedAt()).isNull();
            assertThat(log.report().duration()).isNull();
        });
    }

    @Test
    void aCallToTheHelpNumberIsLoggedInTheCallersConversationAsIncoming() {
        WebhookServer.Answer call = signed("/twilio/voice", HelpNumberCallTest.call("CA200", CUSTOMER, null));
        WebhookServer.Answer ended = signed("/twilio/voice/status",
                status("CA200", "completed", CUSTOMER, TestSettings.FROM, "inbound", "31"));

        assertThat(call.status()).isEqualTo(200);
        assertThat(ended.status()).isEqualTo(204);
        assertThat(server.helpDesk.submitted()).as("the call is kept once").hasSize(1);
        assertThat(server.helpDesk.callLogs()).singleElement().satisfies(log -> {
            assertThat(log.conversationId()).isEqualTo("c-1");
            assertThat(log.report().direction()).isEqualTo(CallReport.Direction.INCOMING);
            assertThat(log.report().customer()).isEqualTo(new E164Number(CUSTOMER));
            assertThat(log.report().duration()).isEqualTo(Duration.ofSeconds(31));
        });
    }

    @Test
    void unsignedAndForgedCallbacksAre403AndLogNothing() {
        try (LogCapture refusals = new LogCapture(SignedWebhookServlet.class)) {
            String path = "/twilio/voice/status?conversation=cv-5";
            WebhookServer.Answer unsigned = server.post(path, callBack("CA300", "completed", "60"), null);
            WebhookServer.Answer forged = server.postSigned(path, callBack("CA300", "completed", "60"), "a-guessed-token");
            WebhookServer.Answer otherConversation = server.post("/twilio/voice/status?conversation=cv-6",
                    callBack("CA300", "completed", "60"), TwilioSigner.sign(TestSettings.AUTH_TOKEN,
                            TestSettings.PUBLIC_URL + path, callBack("CA300", "completed", "60")));

            assertThat(unsigned.status()).isEqualTo(403);
            assertThat(forged.status()).isEqualTo(403);
            assertThat(otherConversation.status()).as("the signature covers the conversation in the URL").isEqualTo(403);
            assertThat(server.helpDesk.callLogs()).isEmpty();
            assertThat(refusals.messages()).hasSize(3)
                    .allSatisfy(line -> assertThat(line).contains("/twilio/voice/status"));
        }
    }

    @Test
    void unreadableCallbacksAre400WithTheReasonAndLogged() {
        try (LogCapture log = new LogCapture(SignedWebhookServlet.class)) {
            String path = "/twilio/voice/status?conversation=cv-7";
            WebhookServer.Answer unknownStatus = signed(path, callBack("CA400", "teleported", null));
            WebhookServer.Answer badDuration = signed(path, callBack("CA401", "completed", "-5"));
            WebhookServer.Answer noSid = signed(path, callBack("", "completed", "5"));
            WebhookServer.Answer notACustomer = signed(path, status("CA402", "completed", TestSettings.FROM,
                    "client:alice", "outbound-api", "5"));
            Map<String, String> badTime = callBack("CA403", "completed", "5");
            badTime.put("Timestamp", "yesterday");
            WebhookServer.Answer badTimestamp = signed(path, badTime);

            assertThat(unknownStatus.status()).isEqualTo(400);
            assertThat(unknownStatus.body()).contains("teleported");
            assertThat(badDuration.status()).isEqualTo(400);
            assertThat(badDuration.body()).contains("CallDuration");
            assertThat(noSid.status()).isEqualTo(400);
            assertThat(notACustomer.status()).isEqualTo(400);
            assertThat(notACustomer.body()).contains("To");
            assertThat(badTimestamp.status()).isEqualTo(400);
            assertThat(server.helpDesk.callLogs()).isEmpty();
            assertThat(log.messages()).hasSize(5)
                    .allSatisfy(line -> assertThat(line).contains("call status callback not understood"));
        }
    }

    @Test
    void aHelpDeskThatCannotTakeTheReportGets503() {
        server.helpDesk.failing(true);

        WebhookServer.Answer answer = signed("/twilio/voice/status?conversation=cv-8", callBack("CA500", "completed", "9"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(server.helpDesk.callLogs()).isEmpty();
    }
}
