package dev.switchboard.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestMailServer;
import dev.switchboard.testing.TwilioWebhooks;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The story's customer away from the web chat: he calls the help number (Twilio posts the call's webhooks,
 * signed as Twilio signs them), reads and answers his mail on the mail server, and texts from his phone on the
 * gateway's SMSC simulator.
 */
public class CustomerOnEveryChannelSteps {

    private static World world() {
        return World.current();
    }

    private static RunningGateway gateway() {
        return world().gateway();
    }

    /** A form Twilio posts about a call from {@code from} to the help number. */
    private static Map<String, String> call(String from, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioWebhooks.ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("CallSid", world().callSid);
        form.put("CallStatus", status);
        form.put("Direction", "inbound");
        form.put("From", from);
        form.put("To", TwilioWebhooks.HELP_NUMBER);
        return form;
    }

    private static HttpJson.Response postSigned(String path, Map<String, String> form) {
        return gateway().http().send(TwilioWebhooks.signedPost(gateway().baseUri(), path, form));
    }

    @When("he calls the help number from {string} and keys {int} to talk to an agent")
    public void heCallsAndKeys(String number, int key) {
        world().callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        HttpJson.Response menu = postSigned("/twilio/voice", call(number, "ringing"));
        assertThat(menu.status()).as("POST /twilio/voice: %s", menu.body()).isEqualTo(200);
        assertThat(menu.body()).contains("<Gather");

        Map<String, String> keyed = call(number, "in-progress");
        keyed.put("Digits", String.valueOf(key));
        HttpJson.Response queued = postSigned("/twilio/voice/menu", keyed);
        assertThat(queued.status()).as("POST /twilio/voice/menu: %s", queued.body()).isEqualTo(200);
        assertThat(queued.body()).as("he waits on the line for an agent").contains("<Enqueue>");
    }

    @When("Twilio reports that the call from {string} was answered and lasted {int} seconds")
    public void twilioReportsTheCallsEnd(String number, int seconds) {
        Map<String, String> ended = call(number, "completed");
        ended.put("CallDuration", String.valueOf(seconds));
        ended.put("Timestamp", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        assertThat(postSigned("/twilio/voice/status", ended).status()).isEqualTo(204);
    }

    @Then("Twilio is asked to text {string} from the help number: {string}")
    public void twilioIsAskedToText(String number, String text) {
        await().atMost(AgentDeskSteps.WAIT).untilAsserted(() -> assertThat(gateway().twilio().to("Messages.json"))
                .anySatisfy(sent -> assertThat(sent.form()).containsEntry("To", number)
                        .containsEntry("From", TwilioWebhooks.HELP_NUMBER).containsEntry("Body", text)));
    }

    @Then("a mail from the help desk reaches {string} with {string}")
    public void aMailReaches(String address, String text) {
        TestMailServer mail = gateway().mail();
        world().mailFromDesk = await().atMost(AgentDeskSteps.WAIT).until(() -> mail.mailsTo(address).stream()
                .filter(m -> m.text().contains(text)).findFirst().orElse(null), found -> found != null);
        assertThat(world().mailFromDesk.from()).contains(TestMailServer.DESK);
        world().mailbox = address;
    }

    @When("a customer mails the desk from {string} with the subject {string} and the text {string}")
    public void aCustomerMailsTheDesk(String address, String subject, String text) {
        gateway().mail().mailTheDesk(address, subject, text, "<" + UUID.randomUUID() + "@example.com>");
        world().mailbox = address;
    }

    @When("he answers that mail with {string}")
    public void heAnswersThatMail(String text) {
        TestMailServer.Received read = world().mailFromDesk;
        assertThat(read).as("a mail from the desk he read").isNotNull();
        String subject = read.subject().startsWith("Re: ") ? read.subject() : "Re: " + read.subject();
        gateway().mail().mailTheDesk(world().mailbox, subject,
                text + "\n\nOn Monday the help desk wrote:\n> " + read.text().replace("\n", "\n> "),
                "<" + UUID.randomUUID() + "@example.com>");
    }

    @When("he texts {string} from {string}")
    public void heTexts(String text, String number) {
        SmscPhone.text(gateway(), number, text);
    }

    @Then("the phone {string} receives the text {string}")
    public void thePhoneReceives(String number, String text) {
        await().atMost(AgentDeskSteps.WAIT).until(() -> SmscPhone.textsFromDesk(gateway(), number), texts -> texts.contains(text));
    }
}
