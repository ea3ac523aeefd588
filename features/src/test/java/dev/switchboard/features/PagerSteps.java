package dev.switchboard.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.HttpJson;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;

/** A customer on a pager: lines over a real TCP connection to the pager adapter's own port. */
public class PagerSteps {

    // Read at each step, never kept in a field: the world is replaced before every scenario.
    private static World world() {
        return World.current();
    }

    @Given("a pager of a new customer is connected to the gateway's pager line")
    public void aPagerIsConnected() {
        HttpJson.Response status = world().gateway().http().get("/pager/status", null);
        assertThat(status.status()).as("GET /pager/status: %s", status.body()).isEqualTo(200);
        JsonNode where = status.json();
        assertThat(where.path("port").asInt()).as("the pager line's port").isPositive();
        world().pager = PagerClient.connect(where.path("host").asText(), where.path("port").asInt());
    }

    @When("the pager sends message {string} saying {string}")
    public void thePagerSendsAMessage(String messageId, String text) {
        world().pagerTexts.put(messageId, text);
        thePagerSendsTheLine("MSG " + messageId + " FROM " + world().pagerNumber + " " + text);
    }

    @When("the pager sends message {string} saying {string} again")
    public void thePagerSendsTheMessageAgain(String messageId, String text) {
        thePagerSendsAMessage(messageId, text);
    }

    @When("the pager sends the line {string}")
    public void thePagerSendsTheLine(String line) {
        assertThat(world().pager).as("a connected pager").isNotNull();
        world().pagerAnswers.add(world().pager.send(line));
    }

    @When("the pager sends a line of {int} characters")
    public void thePagerSendsALineOf(int length) {
        String head = "MSG long-1 FROM " + world().pagerNumber + " ";
        thePagerSendsTheLine(head + "x".repeat(length - head.length()));
    }

    @Then("the pager gets the reply to {string} from the knowledge base: {string}")
    public void thePagerGetsTheReply(String messageId, String answerStart) {
        PagerClient.Answer answer = world().lastPagerAnswer();
        assertThat(answer.isReply()).as("answer line: %s", answer.line()).isTrue();
        assertThat(answer.messageId()).isEqualTo(messageId);
        assertThat(answer.text()).startsWith(answerStart);
    }

    @Then("the pager gets an error saying {string}")
    public void thePagerGetsAnError(String reason) {
        assertThat(world().lastPagerAnswer().reason()).contains(reason);
    }

    @Then("both replies to {string} carry the same answer, and only the first the customer token")
    public void bothRepliesAreTheSame(String messageId) {
        List<PagerClient.Answer> replies = world().pagerAnswers.stream()
                .filter(PagerClient.Answer::isReply)
                .filter(answer -> answer.messageId().equals(messageId))
                .toList();
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1).conversationId()).isEqualTo(replies.get(0).conversationId());
        assertThat(replies.get(1).text()).isEqualTo(replies.get(0).text());
        assertThat(replies.get(1).customerToken()).as("a repeat never hands out the customer token").isNull();
    }

    @Then("the customer's conversation holds his question and the reply once each, on the channel {string}")
    public void theConversationHoldsQuestionAndReplyOnce(String channel) {
        PagerClient.Answer first = world().pagerAnswers.stream().filter(PagerClient.Answer::isReply).findFirst()
                .orElseThrow(() -> new AssertionError("the pager got no reply"));
        assertThat(first.customerToken()).as("customer token with the first reply to a new number").isNotNull();

        HttpJson.Response thread = world().gateway().http()
                .get("/api/conversations/" + first.conversationId(), first.customerToken());

        assertThat(thread.status()).as("GET the conversation: %s", thread.body()).isEqualTo(200);
        List<JsonNode> messages = new ArrayList<>();
        thread.json().path("messages").forEach(messages::add);
        assertThat(messages).as("messages of %s", thread.body()).hasSize(2);
        assertThat(messages).allSatisfy(message -> assertThat(message.path("channel").asText()).isEqualTo(channel));
        assertThat(messages.get(0).path("direction").asText()).isEqualTo("inbound");
        assertThat(messages.get(0).path("text").asText()).isEqualTo(world().pagerTexts.get(first.messageId()));
        assertThat(messages.get(1).path("direction").asText()).isEqualTo("outbound");
        assertThat(first.text()).as("the SMS text the pager got").startsWith(messages.get(1).path("text").asText());
    }
}
