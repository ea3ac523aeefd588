package dev.switchboard.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TwilioWebhooks;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/**
 * A customer texting the help number, and Twilio posting his texts to the gateway's webhook as it does:
 * signed for the public address with the account's auth token.
 */
public class TextingCustomerSteps {
    private static final String WEBHOOK = "/twilio/sms";

    // Read at each step, never kept in a field: the world is replaced before every scenario.
    private static World.TextingCustomer texter() {
        return World.current().texter;
    }

    private static RunningGateway gateway() {
        return World.current().gateway();
    }

    private static String newMessageSid() {
        return "SM" + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    private static void post(Map<String, String> form, String signature) {
        texter().webhooks.add(form);
        texter().answers.add(gateway().http().send(TwilioWebhooks.post(gateway().baseUri(), WEBHOOK, form, signature)));
    }

    private static void postSigned(Map<String, String> form) {
        post(form, TwilioWebhooks.sign(TwilioWebhooks.AUTH_TOKEN, TwilioWebhooks.PUBLIC_URL + WEBHOOK, form));
    }

    private static HttpJson.Response lastAnswer() {
        assertThat(texter().answers).as("answers to Twilio's posts").isNotEmpty();
        return texter().answers.get(texter().answers.size() - 1);
    }

    @Given("a customer whose phone has never texted the help number")
    public void aCustomerWhoNeverTexted() {
        assertThat(texter().webhooks).isEmpty();
    }

    @When("he texts {string} to the help number")
    public void heTexts(String text) {
        postSigned(TwilioWebhooks.sms(newMessageSid(), texter().number, text));
    }

    @When("he sends the help number a picture of type {string} without words")
    public void heSendsAPicture(String contentType) {
        String messageSid = "MM" + newMessageSid().substring(2);
        Map<String, String> form = TwilioWebhooks.sms(messageSid, texter().number, "");
        form.put("NumMedia", "1");
        form.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/" + TwilioWebhooks.ACCOUNT_SID
                + "/Messages/" + messageSid + "/Media/ME1");
        form.put("MediaContentType0", contentType);
        postSigned(form);
    }

    @When("Twilio posts that message again")
    public void twilioPostsThatMessageAgain() {
        postSigned(texter().webhooks.get(texter().webhooks.size() - 1));
    }

    @When("someone without the auth token posts {string} in his name")
    public void someoneForges(String text) {
        Map<String, String> form = TwilioWebhooks.sms(newMessageSid(), texter().number, text);
        post(form, TwilioWebhooks.sign("a-guessed-token", TwilioWebhooks.PUBLIC_URL + WEBHOOK, form));
    }

    @When("Twilio posts his real message {string} with the same MessageSid")
    public void twilioPostsTheRealMessage(String text) {
        String messageSid = texter().webhooks.get(texter().webhooks.size() - 1).get("MessageSid");
        postSigned(TwilioWebhooks.sms(messageSid, texter().number, text));
    }

    @Then("Twilio gets TwiML that texts him {string}")
    public void twilioGetsTwimlThatTexts(String textStart) {
        HttpJson.Response answer = lastAnswer();
        assertThat(answer.status()).as("POST %s: %s", WEBHOOK, answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/xml");
        assertThat(answer.body()).startsWith("<?xml").contains("<Response><Message>" + textStart);
    }

    @Then("both posts get the same TwiML")
    public void bothPostsGetTheSameTwiml() {
        assertThat(texter().answers).hasSize(2);
        assertThat(texter().answers.get(0).status()).isEqualTo(200);
        assertThat(texter().answers.get(1).status()).isEqualTo(200);
        assertThat(texter().answers.get(1).body()).contains("<Message>").isEqualTo(texter().answers.get(0).body());
    }

    @Then("the post is refused with {int}")
    public void thePostIsRefused(int status) {
        assertThat(lastAnswer().status()).isEqualTo(status);
        assertThat(lastAnswer().body()).doesNotContain("<Response>");
    }
}
