package dev.switchboard.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A customer with a WAP 1.x phone behind his operator's WAP gateway: a WML browser that follows links and
 * sends the deck's forms, with the operator's MSISDN header when the operator gives his number.
 */
public class WapPhoneSteps {

    private static World.WapPhone phone() {
        World.WapPhone phone = World.current().phone;
        if (phone == null) {
            throw new AssertionError("the scenario has no WAP phone yet");
        }
        return phone;
    }

    private static WapBrowser newBrowser() {
        URI base = World.current().gateway().baseUri();
        return WapBrowser.wmlPhone(URI.create(base.getScheme() + "://" + base.getAuthority()));
    }

    @Given("a WAP phone whose operator gives its number")
    public void aPhoneWithItsNumber() {
        String number = World.newSubscriberNumber();
        World.current().phone = new World.WapPhone(newBrowser().header("X-MSISDN", number.substring(1)), number);
    }

    @Given("a WAP phone without a number from its operator")
    public void aPhoneWithoutNumber() {
        World.current().phone = new World.WapPhone(newBrowser(), null);
    }

    @When("he opens the help desk on his phone")
    public void heOpensTheHelpDesk() {
        Page entry = phone().received(phone().browser.open("/wap"));
        assertThat(entry.status()).isEqualTo(200);
    }

    @When("he chooses the topic {string}")
    public void heChoosesTheTopic(String topic) {
        phone().received(phone().browser.follow(phone().shown(), topic));
    }

    @When("he asks {string} from his phone")
    public void heAsks(String question) {
        phone().received(phone().browser.submit(phone().shown(), "Send", Map.of("q", question)));
    }

    @When("he sends a question of {int} characters from his phone")
    public void heSendsALongQuestion(int length) {
        phone().received(phone().browser.submit(phone().shown(), "Send", Map.of("q", "a".repeat(length))));
    }

    @When("he asks to be called back on his own number")
    public void heAsksToBeCalledBack() {
        Page contact = phone().received(phone().browser.follow(phone().shown(), "Text me or call me back"));
        Page confirmed = phone().received(phone().browser.submit(contact, "Call me back", Map.of()));
        assertThat(confirmed.text()).contains("call you back on " + phone().number);
    }

    @Then("his phone shows the answer {string}")
    public void hisPhoneShowsTheAnswer(String answer) {
        Page shown = phone().shown();
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.text()).contains(answer);
    }

    @Then("his conversation on his phone shows, newest first, his call-back request, {string} and {string}")
    public void hisConversationNewestFirst(String second, String third) {
        Page thread = phone().received(phone().browser.follow(phone().shown(), "Your conversation"));
        String text = thread.text();
        if (thread.links().containsValue("More")) {
            text += " " + phone().received(phone().browser.follow(thread, "More")).text();
        }
        int request = text.indexOf("Please call me back at " + phone().number);
        assertThat(request).as(text).isNotNegative();
        assertThat(text.indexOf(second, request)).as(text).isGreaterThan(request);
        assertThat(text.indexOf(third, text.indexOf(second, request))).as(text).isGreaterThan(text.indexOf(second, request));
    }

    @Then("his phone shows an error card saying {string} with a way back")
    public void anErrorCardWithAWayBack(String reason) {
        Page shown = phone().shown();
        assertThat(shown.status()).isEqualTo(400);
        assertThat(shown.cards()).containsExactly("error");
        assertThat(shown.text()).contains(reason);
        assertThat(shown.body()).contains("<prev/>");
        assertThat(shown.links().keySet()).containsExactly("/wap");
    }

    @Then("every deck his phone received was valid WML 1.1 within {int} bytes")
    public void everyDeckWasValid(int budget) {
        assertThat(phone().pages).isNotEmpty().allSatisfy(page -> {
            assertThat(page.isWml()).isTrue();
            assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(budget);
        });
    }
}
