package dev.switchboard.features;

import static dev.switchboard.testing.HttpJson.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.testing.HttpJson;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A visitor of a company's shop page with the chat widget: what its button and its chat ask of the gateway, sent as
 * the browser sends them, from the shop's origin.
 */
public class ShopVisitorSteps {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static World world() {
        return World.current();
    }

    private static URI uri(String path) {
        return world().gateway().baseUri().resolve(path);
    }

    @Given("a page of the shop {string} shows the chat button")
    public void aShopPageShowsTheButton(String origin) throws Exception {
        world().shop.origin = origin;
        HttpResponse<java.util.stream.Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(
                uri("api/widget/availability")).header("Origin", origin).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
        world().shop.follow(stream.body(), world().shop.availability);
    }

    @Then("the button says nobody is available")
    public void theButtonSaysNobody() {
        await().atMost(WAIT).until(() -> "false".equals(world().shop.available()));
    }

    @Then("within {int} seconds the button says an agent is available")
    public void theButtonSaysAvailableWithin(int seconds) {
        await().atMost(Duration.ofSeconds(seconds)).until(() -> "true".equals(world().shop.available()));
    }

    @When("a visitor on the shop page asks {string} in the chat")
    public void aVisitorAsks(String question) throws Exception {
        HttpResponse<String> asked = HTTP.send(HttpRequest.newBuilder(uri("api/help"))
                .header("Origin", world().shop.origin).header("Content-Type", "application/json")
                .header("Idempotency-Key", "shop-" + world().visitor.id)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": " + quote(question) + ", \"visitorId\": "
                        + quote(world().visitor.id) + "}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        assertThat(asked.headers().firstValue("Access-Control-Allow-Origin")).hasValue(world().shop.origin);
        world().visitor.question = question;
        world().visitor.answer = new HttpJson.Response(asked.statusCode(),
                asked.headers().firstValue("Content-Type").orElse(null), asked.body());
    }

    @When("he keeps his chat open")
    public void heKeepsHisChatOpen() throws Exception {
        String id = world().visitor.answer.json().path("conversationId").asText();
        String token = world().visitor.answer.json().path("customerToken").asText();
        HttpResponse<java.util.stream.Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(
                        uri("api/conversations/" + id + "/events")).header("Origin", world().shop.origin)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        world().shop.follow(stream.body(), world().shop.chat);
    }

    @Then("{string} from {word} is pushed to his open chat")
    public void isPushed(String text, String author) {
        await().atMost(WAIT).until(() -> world().shop.chat.stream().anyMatch(line -> line.startsWith("data: ")
                && line.contains("\"author\":" + quote(author)) && line.contains("\"text\":" + quote(text))));
    }

    /** Whether the open chat received an event of this type whose data line contains {@code data}. */
    private static boolean chatReceived(String type, String data) {
        List<String> lines = List.copyOf(world().shop.chat);
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("event: " + type) && lines.get(i + 1).startsWith("data: ")
                    && lines.get(i + 1).contains(data)) {
                return true;
            }
        }
        return false;
    }

    @Then("his open chat is told that his question was read")
    public void isToldHisQuestionWasRead() {
        await().atMost(WAIT).until(() -> chatReceived("read", "\"readUpTo\":"));
    }

    @Then("his open chat shows that {word} is typing")
    public void showsTyping(String author) {
        await().atMost(WAIT).until(() -> chatReceived("typing", "\"author\":" + quote(author)));
    }

    @When("he reads the answer in his chat")
    public void readsTheAnswer() throws Exception {
        String id = world().visitor.answer.json().path("conversationId").asText();
        String token = world().visitor.answer.json().path("customerToken").asText();
        List<String> lines = List.copyOf(world().shop.chat);
        String newest = null;
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("id: ") && lines.get(i + 1).equals("event: message")) {
                newest = lines.get(i).substring("id: ".length());
            }
        }
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(uri("api/conversations/" + id + "/read"))
                .header("Origin", world().shop.origin).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"messageId\": " + quote(newest) + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("\"moved\":true");
    }

    @When("a page of {string} asks whether an agent is available")
    public void aStrangerAsks(String origin) throws Exception {
        world().shop.origin = origin;
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(uri("api/widget/availability"))
                .header("Origin", origin).build(), HttpResponse.BodyHandlers.ofString());
        world().shop.refused = refused;
    }

    @Then("the page is refused, without a CORS header")
    public void thePageIsRefused() {
        HttpResponse<String> refused = world().shop.refused;
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("origin-not-allowed");
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Then("a visitor there cannot ask anything either")
    public void aVisitorThereCannotAsk() throws Exception {
        HttpResponse<String> asked = HTTP.send(HttpRequest.newBuilder(uri("api/help"))
                .header("Origin", world().shop.origin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hello\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).isEqualTo(403);
        assertThat(asked.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Then("the bare script tag on that page draws the button in {string} saying {string}")
    public void theBareTagDrawsTheSavedButton(String color, String text) throws Exception {
        HttpResponse<String> loader = HTTP.send(HttpRequest.newBuilder(uri("widget.js"))
                .header("Referer", world().shop.origin + "/").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loader.statusCode()).isEqualTo(200);
        assertThat(loader.body()).as("the look the gateway wrote into the loader")
                .contains("\\\"color\\\":\\\"" + color + "\\\"", text)
                .contains("[\"unavailable\"][0]");
    }

    @Then("the button's open stream on that page is ended")
    public void theOpenStreamIsEnded() {
        await().atMost(Duration.ofSeconds(2)).until(() -> world().shop.ended.contains(world().shop.availability));
    }
}
