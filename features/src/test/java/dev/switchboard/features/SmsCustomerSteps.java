package dev.switchboard.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;

/**
 * An SMS customer on the gateway's phone page: the form posts his text to the built-in SMSC simulator, which
 * delivers it to the desk over SMPP; the page reads the phone's texts back as JSON.
 */
public class SmsCustomerSteps {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static World world() {
        return World.current();
    }

    @Given("a phone that has never texted the desk")
    public void aNewPhone() {
        assertThat(answers()).isEmpty();
    }

    @When("its owner texts {string} to the desk")
    public void itsOwnerTexts(String text) {
        world().phoneAnswersSeen = answers().size();
        SmscPhone.text(world().gateway(), world().phoneNumber, text);
    }

    @Then("the phone receives a text starting with {string}")
    public void thePhoneReceives(String start) {
        int before = world().phoneAnswersSeen;
        await().atMost(WAIT).until(() -> answers().size() > before);
        assertThat(answers().get(before)).startsWith(start);
    }

    @Then("the phone is texted {string}")
    public void thePhoneIsTexted(String text) {
        await().atMost(WAIT).until(() -> answers().contains(text));
    }

    private static List<String> answers() {
        return SmscPhone.textsFromDesk(world().gateway(), world().phoneNumber);
    }
}
