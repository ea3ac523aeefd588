package dev.switchboard.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.testkit.LogCapture;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.spi.DeliveryStatus;
import org.junit.jupiter.api.Test;

/** {@code /twilio/status} on a real Jetty: signed like the messaging webhook, each valid one reported to the help desk. */
class StatusCallbackEndpointTest {

    @Test
    void aSignedCallbackIsReportedToTheHelpDeskAndAForgedOneRefused() throws Exception {
        try (WebhookServer server = new WebhookServer(TestSettings.values("http://127.0.0.1:9"));
             LogCapture adapterLog = new LogCapture(DeliveryReports.class);
             LogCapture refusals = new LogCapture(SignedWebhookServlet.class)) {

            WebhookServer.Answer taken = server.postSigned("/twilio/status?conversation=cv-3&message=m-4",
                    StatusCallbackTest.callback("SM200", "undelivered", "30005"), TestSettings.AUTH_TOKEN);
            WebhookServer.Answer forged = server.post("/twilio/status",
                    StatusCallbackTest.callback("SM201", "delivered", null), "bm90IGEgc2lnbmF0dXJl");
            WebhookServer.Answer unreadable = server.postSigned("/twilio/status",
                    StatusCallbackTest.callback("SM202", "teleported", null), TestSettings.AUTH_TOKEN);

            assertThat(taken.status()).isEqualTo(204);
            assertThat(server.helpDesk.deliveryReports()).containsExactly(new RecordingHelpDesk.DeliveryReport(
                    "cv-3", "m-4", DeliveryStatus.FAILED, "undelivered, Twilio error 30005"));
            assertThat(adapterLog.messages()).anySatisfy(line ->
                    assertThat(line).contains("SM200", "cv-3/m-4", "undelivered", "Twilio error 30005"));
            assertThat(forged.status()).isEqualTo(403);
            assertThat(refusals.messages()).anySatisfy(line -> assertThat(line).contains("/twilio/status", "SM201"));
            assertThat(adapterLog.messages()).noneSatisfy(line -> assertThat(line).contains("SM201"));
            assertThat(unreadable.status()).isEqualTo(400);
            assertThat(unreadable.body()).contains("teleported");
        }
    }
}
