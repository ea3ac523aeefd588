package dev.switchboard.features;

import static dev.switchboard.testing.HttpJson.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.HttpJson;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;

/** A visitor of the website asking through the chat widget: the customer JSON API over HTTP. */
public class WebVisitorSteps {

    // Read at each step, never kept in a field: the world is replaced before every scenario.
    private static World.WebVisitor visitor() {
        return World.current().visitor;
    }

    private static HttpJson http() {
        return World.current().gateway().http();
    }

    @Given("a web visitor who has not asked anything yet")
    public void aNewWebVisitor() {
        assertThat(visitor().answer).isNull();
    }

    @When("he asks {string} on the web")
    public void heAsksOnTheWeb(String question) {
        World.WebVisitor visitor = visitor();
        visitor.question = question;
        visitor.answer = http().postJson("/api/help",
                "{\"text\": " + quote(question) + ", \"visitorId\": " + quote(visitor.id) + "}", null);
        assertThat(visitor.answer.status()).as("POST /api/help: %s", visitor.answer.body()).isEqualTo(201);
    }

    @When("a web visitor asks {string} in the chat")
    public void aWebVisitorAsksInTheChat(String question) {
        heAsksOnTheWeb(question);
    }

    @Then("the visitor reads {string} in his chat, from {word}")
    public void theVisitorReadsInHisChat(String text, String author) {
        HttpJson.Response thread = http().get("/api/conversations/" + conversationId(), customerToken());
        assertThat(thread.status()).as("GET his conversation: %s", thread.body()).isEqualTo(200);
        List<String> outbound = new ArrayList<>();
        thread.json().path("messages").forEach(message -> {
            if (message.path("direction").asText().equals("outbound")) {
                outbound.add(message.path("author").asText() + ": " + message.path("text").asText());
            }
        });
        assertThat(outbound).contains(author + ": " + text);
    }

    @Then("the visitor's chat still shows only the {int} messages of the chat")
    public void theVisitorsChatShowsOnlyTheChat(int count) {
        HttpJson.Response thread = http().get("/api/conversations/" + conversationId(), customerToken());
        List<String> channels = new ArrayList<>();
        thread.json().path("messages").forEach(message -> channels.add(message.path("channel").asText()));
        assertThat(channels).hasSize(count).containsOnly("web-chat");
    }

    @Then("he is answered from the knowledge base with {string}")
    public void heIsAnsweredFromTheKnowledgeBase(String answerStart) {
        JsonNode reply = reply();
        assertThat(reply.path("view").asText()).isEqualTo("answer");
        assertThat(reply.path("source").asText()).isEqualTo("knowledge-base");
        assertThat(reply.path("text").asText()).startsWith(answerStart);
    }

    @Then("he is told that an agent will get back to him")
    public void heIsToldThatAnAgentWillGetBackToHim() {
        JsonNode reply = reply();
        assertThat(reply.path("view").asText()).isEqualTo("queue-status");
        assertThat(reply.path("text").asText()).contains("an agent will get back to you");
    }

    @Then("his conversation, read with his customer token, holds his question and the reply he got")
    public void hisConversationHoldsHisQuestionAndTheReply() {
        HttpJson.Response thread = http().get("/api/conversations/" + conversationId(), customerToken());

        assertThat(thread.status()).as("GET his conversation: %s", thread.body()).isEqualTo(200);
        List<String> messages = new ArrayList<>();
        thread.json().path("messages").forEach(message -> messages.add(message.path("channel").asText() + " "
                + message.path("direction").asText() + ": " + message.path("text").asText()));
        assertThat(messages).containsExactly(
                "web-chat inbound: " + visitor().question,
                "web-chat outbound: " + reply().path("text").asText());
    }

    @Then("without his customer token his conversation cannot be read")
    public void withoutHisTokenHisConversationCannotBeRead() {
        HttpJson.Response noToken = http().get("/api/conversations/" + conversationId(), null);
        HttpJson.Response wrongToken = http().get("/api/conversations/" + conversationId(), "not-his-token");

        assertThat(noToken.status()).isEqualTo(404);
        assertThat(wrongToken.status()).isEqualTo(404);
        assertThat(noToken.body() + wrongToken.body()).doesNotContain(visitor().question);
    }

    @Then("the visitor is asked to rate the help he got, in his chat")
    public void theVisitorIsAskedToRate() {
        JsonNode thread = http().get("/api/conversations/" + conversationId(), customerToken()).json();
        assertThat(thread.path("ratingAsked").asBoolean()).as("ratingAsked: %s", thread).isTrue();
        JsonNode messages = thread.path("messages");
        assertThat(messages.get(messages.size() - 1).path("text").asText()).startsWith("How did ");
    }

    @When("he rates it {int} with the comment {string}")
    public void heRatesIt(int score, String comment) {
        HttpJson.Response rated = http().postJson("/api/conversations/" + conversationId() + "/rating",
                "{\"score\": " + score + ", \"comment\": " + quote(comment) + "}", customerToken());
        assertThat(rated.status()).as("POST his rating: %s", rated.body()).isEqualTo(200);
        assertThat(rated.json().path("score").asInt()).isEqualTo(score);
    }

    @Then("the visitor is no longer asked, and a second rating is refused")
    public void noLongerAsked() {
        assertThat(http().get("/api/conversations/" + conversationId(), customerToken()).json()
                .path("ratingAsked").asBoolean()).isFalse();
        HttpJson.Response again = http().postJson("/api/conversations/" + conversationId() + "/rating",
                "{\"score\": 1}", customerToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("error").asText()).isEqualTo("rating-not-asked");
    }

    private JsonNode reply() {
        assertThat(visitor().answer).as("the visitor's answer").isNotNull();
        return visitor().answer.json().path("reply");
    }

    private String conversationId() {
        String id = visitor().answer.json().path("conversationId").asText();
        assertThat(id).as("conversation id").isNotBlank();
        return id;
    }

    private String customerToken() {
        String token = visitor().answer.json().path("customerToken").asText();
        assertThat(token).as("customer token given with the first answer").isNotBlank();
        return token;
    }
}
