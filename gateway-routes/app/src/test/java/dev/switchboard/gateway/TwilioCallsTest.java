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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls through a whole gateway with the Twilio channel on, Twilio's REST API stood in for on loopback. A call
 * back: the customer texts CALL, an agent with a phone number claims him, Twilio is asked to ring him and
 * connect him to the agent's phone, and how the call ended shows in the agent's view of the thread. A call to
 * the help number: its menu texts a link or queues the caller for an agent, and the call is in his thread.
 */
class TwilioCallsTest {
    private static final String CUSTOMER = "+447700900555";
    private static final String ANNS_PHONE = "+447700900999";
    private static final String CALLER = "+447700900666";
    private static final String BOSS_PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;

    private static Map<String, String> settings(String twilioApi) {
        Map<String, String> settings = new HashMap<>(TwilioWebhooks.settings(twilioApi));
        settings.put("switchboard.sms.sender", "twilio");
        settings.put("switchboard.accounts.password-hash-cost", "4");
        settings.put("switchboard.accounts.first-manager", "boss");
        settings.put("switchboard.accounts.first-manager-password", BOSS_PASSWORD);
        return settings;
    }

    /** Ann, on duty, with her phone in her profile. */
    private static AgentClient annOnDuty(Gateway gateway) {
        AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
        boss.postOk("/api/agent/accounts", "{\"username\": \"ann\", \"displayName\": \"Ann\", \"password\":"
                + " \"ann long password\", \"skills\": [\"general\"], \"capacity\": 2, \"phone\": \"" + ANNS_PHONE + "\"}");
        AgentClient ann = new AgentClient(gateway.baseUri()).signedIn("ann", "ann long password");
        ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
        return ann;
    }

    /** Twilio's voice webhook for a call from {@code CALLER} to the help number; {@code digits} may be {@code null}. */
    private static Map<String, String> incomingCall(String callSid, String digits) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioWebhooks.ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("CallSid", callSid);
        form.put("CallStatus", "in-progress");
        form.put("Direction", "inbound");
        form.put("From", CALLER);
        form.put("To", TwilioWebhooks.HELP_NUMBER);
        if (digits != null) {
            form.put("Digits", digits);
        }
        return form;
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

    @Test
    void aCustomerWhoTextsCallIsRungAndPutThroughToTheAgentWhoClaimsHimAndTheCallIsLogged() throws Exception {
        try (FakeTwilioApi twilio = new FakeTwilioApi();
             Gateway gateway = TestGateways.start(dataDir, settings(twilio.baseUrl()))) {
            HttpJson http = new HttpJson(gateway.baseUri());
            AgentClient ann = annOnDuty(gateway);

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

            List<String> thread = AgentClient.texts(ann.getOk("/api/agent/conversations/" + conversationId));
            assertThat(thread).contains("call");
            assertThat(thread).filteredOn(text -> text.startsWith("Call back to " + CUSTOMER)).containsExactly(
                    "Call back to " + CUSTOMER + ": completed, answered 2026-11-23 10:30:00 UTC, lasted 1 min 15 s.");
        }
    }

    @Test
    void aCallBackAskedForWhileNobodyIsOnDutyIsPlacedWhenAnAgentClaimsHimAfterARestart() throws Exception {
        try (FakeTwilioApi twilio = new FakeTwilioApi()) {
            try (Gateway gateway = TestGateways.start(dataDir, settings(twilio.baseUrl()))) {
                HttpJson.Response texted = new HttpJson(gateway.baseUri()).send(TwilioWebhooks.signedPost(
                        gateway.baseUri(), "/twilio/sms", TwilioWebhooks.sms("SMc0000000000000000000000000000002",
                                CUSTOMER, "call")));
                assertThat(texted.body()).contains("No agent is on duty right now", "call you back on " + CUSTOMER);
                AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
                assertThat(boss.getOk("/api/agent/queue").path("waiting")).hasSize(1);
            }
            try (Gateway restarted = TestGateways.start(dataDir, settings(twilio.baseUrl()))) {
                AgentClient ann = annOnDuty(restarted);
                String conversationId = ann.claimNextOffer();

                await().atMost(Duration.ofSeconds(10)).until(() -> !twilio.to("Calls.json").isEmpty());
                FakeTwilioApi.Received call = twilio.to("Calls.json").get(0);
                assertThat(call.form()).containsEntry("To", CUSTOMER).containsEntry("StatusCallback",
                        TwilioWebhooks.PUBLIC_URL + "/twilio/voice/status?conversation=" + conversationId);
                assertThat(call.form().get("Twiml")).contains("<Dial><Number>" + ANNS_PHONE + "</Number></Dial>");
            }
        }
    }

    @Test
    void aCallerToTheHelpNumberGetsTheLinkTextedOrWaitsForAnAgentAndHisCallsAreInHisThread() throws Exception {
        try (FakeTwilioApi twilio = new FakeTwilioApi();
             Gateway gateway = TestGateways.start(dataDir, settings(twilio.baseUrl()))) {
            HttpJson http = new HttpJson(gateway.baseUri());
            AgentClient ann = annOnDuty(gateway);
            String firstCall = "CA" + "1".repeat(32);
            String secondCall = "CA" + "2".repeat(32);

            HttpJson.Response menu = http.send(TwilioWebhooks.signedPost(gateway.baseUri(), "/twilio/voice",
                    incomingCall(firstCall, null)));
            assertThat(menu.status()).isEqualTo(200);
            assertThat(menu.body()).contains("<Gather action=\"" + TwilioWebhooks.PUBLIC_URL + "/twilio/voice/menu\"");
            HttpJson.Response key1 = http.send(TwilioWebhooks.signedPost(gateway.baseUri(), "/twilio/voice/menu",
                    incomingCall(firstCall, "1")));
            assertThat(key1.body()).contains("texting you a link", "<Hangup/>");
            await().atMost(Duration.ofSeconds(10)).until(() -> !twilio.to("Messages.json").isEmpty());
            assertThat(twilio.to("Messages.json").get(0).form()).containsEntry("To", CALLER)
                    .containsEntry("From", TwilioWebhooks.HELP_NUMBER)
                    .hasEntrySatisfying("Body", body -> assertThat(body).contains(TwilioWebhooks.PUBLIC_URL + "/wap"));
            Map<String, String> ended = callStatus(firstCall, "completed", "40");
            ended.put("Direction", "inbound");
            ended.put("From", CALLER);
            ended.put("To", TwilioWebhooks.HELP_NUMBER);
            assertThat(http.send(TwilioWebhooks.signedPost(gateway.baseUri(), "/twilio/voice/status", ended)).status())
                    .isEqualTo(204);

            HttpJson.Response retried = http.send(TwilioWebhooks.signedPost(gateway.baseUri(), "/twilio/voice",
                    incomingCall(firstCall, null)));
            assertThat(retried.body()).isEqualTo(menu.body());
            http.send(TwilioWebhooks.signedPost(gateway.baseUri(), "/twilio/voice", incomingCall(secondCall, null)));
            HttpJson.Response key2 = http.send(TwilioWebhooks.signedPost(gateway.baseUri(), "/twilio/voice/menu",
                    incomingCall(secondCall, "2")));
            assertThat(key2.body()).contains("<Enqueue>support</Enqueue>");

            JsonNode offers = ann.getOk("/api/agent/offers").path("offers");
            assertThat(offers).hasSize(1);
            String conversationId = offers.get(0).path("conversationId").asText();
            ann.postOk("/api/agent/conversations/" + conversationId + "/claim", "{}");
            List<String> thread = AgentClient.texts(ann.getOk("/api/agent/conversations/" + conversationId));
            assertThat(thread).anySatisfy(text -> assertThat(text).contains(TwilioWebhooks.PUBLIC_URL + "/wap"))
                    .contains("Call from " + CALLER + " to the help number: completed, answered 2026-11-23 10:30:35 UTC,"
                            + " lasted 40 s.")
                    .anySatisfy(text -> assertThat(text).contains("waiting for an agent"));
            assertThat(thread).as("each call once in the thread, a retried webhook adding nothing")
                    .filteredOn("Called the help number."::equals).hasSize(2);
            assertThat(thread).as("the menu answered the calls: no written answer the caller never saw")
                    .noneSatisfy(text -> assertThat(text).contains("Choose a topic"));
            assertThat(twilio.to("Calls.json")).as("nobody asked to be called back").isEmpty();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(twilio.to("Messages.json"))
                    .as("the agent's greeting, texted to the caller from the number he called")
                    .anySatisfy(text -> assertThat(text.form()).containsEntry("To", CALLER)
                            .hasEntrySatisfying("Body", body -> assertThat(body).contains("this is Ann"))));
        }
    }
}
