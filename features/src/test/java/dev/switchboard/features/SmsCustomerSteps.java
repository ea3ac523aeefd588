package dev.switchboard.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMS customer on the gateway's phone page: the form posts his text to the built-in SMSC simulator, which
 * delivers it to the desk over SMPP; the page reads the phone's texts back as JSON.
 */
public class SmsCustomerSteps {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static World world() {
        return World.current();
    }

    @Given("a phone that has never texted the desk")
    public void aNewPhone() {
        assertThat(answers()).isEmpty();
    }

    @When("its owner texts {string} to the desk")
    public void itsOwnerTexts(String text) throws Exception {
        world().phoneAnswersSeen = answers().size();
        String form = "number=" + URLEncoder.encode(world().phoneNumber, StandardCharsets.UTF_8) + "&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(world().gateway().baseUri().resolve("/smpp/phone"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).as("POST /smpp/phone").isEqualTo(303);
    }

    @Then("the phone receives a text starting with {string}")
    public void thePhoneReceives(String start) {
        int before = world().phoneAnswersSeen;
        await().atMost(WAIT).until(() -> answers().size() > before);
        assertThat(answers().get(before)).startsWith(start);
    }

    private static List<String> answers() {
        JsonNode texts = world().gateway().http()
                .get("/smpp/phone/texts?number=" + URLEncoder.encode(world().phoneNumber, StandardCharsets.UTF_8), null)
                .json();
        List<String> fromDesk = new ArrayList<>();
        for (JsonNode text : texts) {
            if (text.path("fromDesk").asBoolean()) {
                fromDesk.add(text.path("text").asText());
            }
        }
        return fromDesk;
    }
}
