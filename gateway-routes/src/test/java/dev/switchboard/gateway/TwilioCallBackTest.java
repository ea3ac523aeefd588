package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.FakeTwilioApi;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestGateways;
import dev.switchboard.testing.TwilioWebhooks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer's call back through a whole gateway with the Twilio channel on, Twilio's REST API stood in for on
 * loopback: he texts CALL, an agent with a phone number claims him, Twilio is asked to ring him and connect him
 * to the agent's phone, and how the call ended shows in the agent's view of the thread.
 */
class TwilioCallBackTest {
    private static final String CUSTOMER = "+447700900555";
    private static final String ANNS_PHONE = "+447700900999";
    private static final String BOSS_PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;

    private static Map<String, String> settings(String twilioApi) {
        Map<String, String> settings = new HashMap<>(TwilioWebhooks.settings(twilioApi));
        settings.put("switchboard.accounts.password-hash-cost", "4");
        settings.put("switchboard.accounts.first-manager", "boss");
        settings.put("switchboard.accounts.first-manager-password", BOSS_PASSWORD);
        return settings;
    }

    /** A call status callback as Twilio posts it for a call back we placed. */
    private static Map<String, String> callStatus(String callSid, String status, String callDuration) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioWebhooks.ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("CallSid", callSid);
        form.put("CallStatus", status);
        form.put("CallbackSource", "call-progress-events");
        form.put("Direction", "outbound-api");
        form.put("From", TwilioWebhooks.HELP_NUMBER);
        form.put("To", CUSTOMER);
        form.put("Timestamp", "Mon, 23 Nov 2026 10:31:15 +0000");
        if (callDuration != null) {
            form.put("CallDuration", callDuration);
        }
        return form;
    }

    private static List<String> texts(JsonNode thread) {
        return StreamSupport.stream(thread.path("messages").spliterator(), false)
                .map(message -> message.path("text").asText()).toList();
    }

    @Test
    void aCustomerWhoTextsCallIsRungAndPutThroughToTheAgentWhoClaimsHimAndTheCallIsLogged() throws Exception {
        try (FakeTwilioApi twilio = new FakeTwilioApi();
             Gateway gateway = TestGateways.start(dataDir, settings(twilio.baseUrl()))) {
            HttpJson http = new HttpJson(gateway.baseUri());
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            boss.postOk("/api/agent/accounts", "{\"username\": \"ann\", \"displayName\": \"Ann\", \"password\":"
                    + " \"ann long password\", \"skills\": [\"general\"], \"capacity\": 2, \"phone\": \"" + ANNS_PHONE + "\"}");
            AgentClient ann = new AgentClient(gateway.baseUri()).signedIn("ann", "ann long password");
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");

            HttpJson.Response texted = http.send(TwilioWebhooks.signedPost(gateway.baseUri(), "/twilio/sms",
                    TwilioWebhooks.sms("SMc0000000000000000000000000000001", CUSTOMER, "call")));
            assertThat(texted.status()).isEqualTo(200);
            assertThat(texted.body()).contains("call you back on " + CUSTOMER);
            assertThat(twilio.to("Calls.json")).as("no call before an agent takes him").isEmpty();

            JsonNode offers = ann.getOk("/api/agent/offers").path("offers");
            assertThat(offers).hasSize(1);
            String conversationId = offers.get(0).path("conversationId").asText();
            ann.postOk("/api/agent/conversations/" + conversationId + "/claim", "{}");

            await().atMost(Duration.ofSeconds(10)).until(() -> !twilio.to("Calls.json").isEmpty());
            FakeTwilioApi.Received call = twilio.to("Calls.json").get(0);
            assertThat(call.path()).isEqualTo("/2010-04-01/Accounts/" + TwilioWebhooks.ACCOUNT_SID + "/Calls.json");
            assertThat(call.form()).containsEntry("To", CUSTOMER).containsEntry("From", TwilioWebhooks.HELP_NUMBER)
                    .containsEntry("StatusCallback",
                            TwilioWebhooks.PUBLIC_URL + "/twilio/voice/status?conversation=" + conversationId);
            assertThat(call.form().get("Twiml")).contains("<Dial><Number>" + ANNS_PHONE + "</Number></Dial>");

            String statusPath = call.form().get("StatusCallback").substring(TwilioWebhooks.PUBLIC_URL.length());
            String callSid = "CA" + "0".repeat(31) + "1";
            for (Map<String, String> form : List.of(callStatus(callSid, "ringing", null),
                    callStatus(callSid, "completed", "75"), callStatus(callSid, "completed", "75"))) {
                assertThat(http.send(TwilioWebhooks.signedPost(gateway.baseUri(), statusPath, form)).status())
                        .isEqualTo(204);
            }
            HttpJson.Response forged = http.send(TwilioWebhooks.post(gateway.baseUri(), statusPath,
                    callStatus("CA" + "9".repeat(32), "completed", "5"), "Zm9yZ2Vk"));
            assertThat(forged.status()).isEqualTo(403);

            List<String> thread = texts(ann.getOk("/api/agent/conversations/" + conversationId));
            assertThat(thread).contains("call");
            assertThat(thread).filteredOn(text -> text.startsWith("Call back to " + CUSTOMER)).containsExactly(
                    "Call back to " + CUSTOMER + ": completed, answered 2026-11-23 10:30:00 UTC, lasted 1 min 15 s.");
        }
    }
}
