package dev.switchboard.features;

import static dev.switchboard.testing.HttpJson.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.AgentClient;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Agents at their desktops, through the agent API as the desktop calls it: a session cookie, the CSRF token,
 * JSON in and out. Each scenario's agents are new accounts, made by the first manager, and sign out at its end.
 */
public class AgentDeskSteps {
    static final Duration WAIT = Duration.ofSeconds(20);

    private static World world() {
        return World.current();
    }

    static AgentClient agent(String name) {
        AgentClient agent = world().agents.get(name);
        assertThat(agent).as("agent %s is on duty in this scenario", name).isNotNull();
        return agent;
    }

    static String conversationId() {
        assertThat(world().conversationId).as("the conversation of the scenario").isNotNull();
        return world().conversationId;
    }

    /** The conversation as the agent's desktop shows it. */
    static JsonNode conversation(String name) {
        return agent(name).getOk("/api/agent/conversations/" + conversationId());
    }

    static List<JsonNode> messages(String name) {
        return StreamSupport.stream(conversation(name).path("messages").spliterator(), false).toList();
    }

    private static List<String> offeredIds(String name) {
        return StreamSupport.stream(agent(name).getOk("/api/agent/offers").path("offers").spliterator(), false)
                .map(offer -> offer.path("conversationId").asText()).toList();
    }

    @Given("agents {word} and {word} are on duty")
    public void agentsAreOnDuty(String first, String second) {
        AgentClient manager = new AgentClient(world().gateway().baseUri())
                .signedIn(RunningGateway.MANAGER, RunningGateway.MANAGER_PASSWORD);
        for (String name : List.of(first, second)) {
            String username = name.toLowerCase(Locale.ROOT) + world().agentSuffix;
            String password = name + "'s long password";
            manager.postOk("/api/agent/accounts", "{\"username\": " + quote(username) + ", \"displayName\": "
                    + quote(name) + ", \"password\": " + quote(password) + ", \"skills\": [\"general\"], \"capacity\": 3}");
            AgentClient agent = new AgentClient(world().gateway().baseUri()).signedIn(username, password);
            world().agents.put(name, agent);
            assertThat(agent.postOk("/api/agent/presence", "{\"presence\": \"available\"}").path("presence").asText())
                    .isEqualTo("AVAILABLE");
        }
    }

    @Then("{word} and {word} are offered his conversation, and {word} accepts it")
    public void bothAreOfferedAndOneAccepts(String first, String second, String accepting) {
        String id = world().visitor.answer.json().path("conversationId").asText();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(offeredIds(first)).contains(id);
            assertThat(offeredIds(second)).contains(id);
        });
        world().conversationId = id;
        accepts(accepting);
    }

    @When("{word} accepts it")
    public void accepts(String name) {
        JsonNode claimed = agent(name).postOk("/api/agent/conversations/" + conversationId() + "/claim", "{}");
        assertThat(claimed.path("stage").asText()).isEqualTo("ACTIVE");
        assertThat(claimed.path("ownerName").asText()).isEqualTo(name);
    }

    @When("{word} answers {string} on channel {word}")
    public void answersOnChannel(String name, String text, String channel) {
        answer(name, text, channel);
    }

    @When("{word} answers {string} on his last channel")
    public void answersOnHisLastChannel(String name, String text) {
        answer(name, text, null);
    }

    private static void answer(String name, String text, String channel) {
        String body = "{\"text\": " + quote(text) + (channel == null ? "" : ", \"channel\": " + quote(channel)) + "}";
        JsonNode answered = agent(name).postOk("/api/agent/conversations/" + conversationId() + "/messages", body);
        assertThat(answered.path("sent").asBoolean()).as("sent: %s", answered).isTrue();
    }

    @When("{word} reads his conversation")
    public void readsHisConversation(String name) {
        JsonNode messages = agent(name).getOk("/api/agent/conversations/" + conversationId()).path("messages");
        String newest = messages.get(messages.size() - 1).path("id").asText();
        agent(name).postOk("/api/agent/conversations/" + conversationId() + "/read",
                "{\"messageId\": " + quote(newest) + "}");
    }

    @When("{word} starts typing an answer")
    public void startsTyping(String name) {
        agent(name).postOk("/api/agent/conversations/" + conversationId() + "/typing", "{}");
    }

    @Then("{word} sees that he read her answer")
    public void seesHeReadHerAnswer(String name) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode view = agent(name).getOk("/api/agent/conversations/" + conversationId());
            JsonNode messages = view.path("messages");
            assertThat(view.path("customerReadUpTo").asText())
                    .isEqualTo(messages.get(messages.size() - 1).path("at").asText());
        });
    }

    @When("{word} marks herself as his preferred agent")
    public void marksHerselfPreferred(String name) {
        agent(name).postOk("/api/agent/conversations/" + conversationId() + "/preferred", "{}");
    }

    @When("{word} links the number {string} he gave her for {word} and the address {string} for {word}")
    public void linksHisAddresses(String name, String number, String numberChannel, String email, String emailChannel) {
        for (String[] link : new String[][] {{number, numberChannel}, {email, emailChannel}}) {
            JsonNode linked = agent(name).postOk("/api/agent/conversations/" + conversationId() + "/addresses",
                    "{\"address\": " + quote(link[0]) + ", \"channel\": " + quote(link[1]) + "}");
            assertThat(linked.path("address").asText()).endsWith(":" + link[0]);
            assertThat(linked.path("channel").asText()).isEqualTo(link[1]);
        }
    }

    @When("{word} finishes the conversation with wrap-up {string}")
    public void finishes(String name, String wrapUp) {
        JsonNode finished = agent(name).postOk("/api/agent/conversations/" + conversationId() + "/finish",
                "{\"wrapUp\": " + quote(wrapUp) + "}");
        assertThat(finished.path("stage").asText()).isEqualTo("FINISHED");
    }

    @Then("his call joins his conversation and is offered to {word} alone, his preferred agent, though {word} is free")
    public void offeredToThePreferredAgentAlone(String preferred, String other) {
        await().atMost(WAIT).until(() -> offeredIds(preferred).contains(conversationId()));
        JsonNode offer = StreamSupport.stream(agent(preferred).getOk("/api/agent/offers").path("offers").spliterator(),
                false).filter(o -> o.path("conversationId").asText().equals(conversationId())).findFirst().orElseThrow();
        assertThat(offer.path("offeredTo")).hasSize(1);
        assertThat(offer.path("reservedFor").asText()).isEqualTo(offer.path("offeredTo").get(0).asText());
        assertThat(offeredIds(other)).doesNotContain(conversationId());
        JsonNode everyone = agent(preferred).getOk("/api/agent/agents").path("agents");
        assertThat(StreamSupport.stream(everyone.spliterator(), false)
                .filter(a -> a.path("username").asText().equals(other.toLowerCase(Locale.ROOT) + world().agentSuffix))
                .map(a -> a.path("presence").asText() + " " + a.path("load").asInt())).containsExactly("AVAILABLE 0");
    }

    @Then("{word} sees his {word} in the conversation")
    public void seesHisMessageOn(String name, String what) {
        String channel = switch (what) {
            case "mail" -> "email";
            case "text" -> "sms";
            default -> throw new IllegalArgumentException("a mail or a text, was " + what);
        };
        await().atMost(WAIT).until(() -> messages(name).stream().anyMatch(m -> m.path("channel").asText().equals(channel)
                && m.path("direction").asText().equals("INBOUND")));
    }

    @Then("{word}'s view of the conversation is one thread, oldest first:")
    public void theThreadIs(String name, DataTable expected) {
        List<String> shown = new ArrayList<>();
        for (JsonNode m : messages(name)) {
            String from = m.path("direction").asText().equals("INBOUND") ? "customer" : m.path("author").asText();
            shown.add(m.path("channel").asText() + " | " + from + " | " + m.path("text").asText());
        }
        List<Map<String, String>> rows = expected.asMaps();
        String thread = String.join("\n", shown);
        assertThat(shown).as("the thread:%n%s", thread).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String text = row.get("text") == null ? "" : row.get("text");
            assertThat(shown.get(i)).as("message %d of:%n%s", i + 1, thread).matches(
                    Pattern.quote(row.get("channel") + " | " + row.get("from") + " | ")
                            + Arrays.stream(text.split("\\.\\.\\.", -1)).map(Pattern::quote).collect(Collectors.joining(".+")));
        }
    }

    @Then("{word}'s toolbar counts {string}")
    public void toolbarCounts(String name, String counters) {
        JsonNode counts = conversation(name).path("channelCounts");
        String shown = StreamSupport.stream(counts.spliterator(), false)
                .map(c -> c.path("label").asText() + " " + c.path("count").asInt())
                .collect(Collectors.joining(" · "));
        assertThat(shown).isEqualTo(counters);
    }

    @Then("{word} accepts the conversation that texted {string}")
    public void acceptsTheConversationThatTexted(String name, String text) {
        await().atMost(WAIT).until(() -> offeredIds(name).stream().anyMatch(id -> holds(name, id, text)));
        world().conversationId = offeredIds(name).stream().filter(id -> holds(name, id, text)).findFirst().orElseThrow();
        accepts(name);
    }

    private static boolean holds(String name, String conversationId, String text) {
        return StreamSupport.stream(agent(name).getOk("/api/agent/conversations/" + conversationId).path("messages")
                .spliterator(), false).anyMatch(m -> m.path("text").asText().equals(text));
    }

    @Then("{word} and {word} are offered his conversation again")
    public void bothAreOfferedAgain(String first, String second) {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(offeredIds(first)).contains(conversationId());
            assertThat(offeredIds(second)).contains(conversationId());
        });
    }

    @Then("{word} sees the rating {int} with the comment {string}, given on {word}")
    public void seesTheRatingWithComment(String name, int score, String comment, String channel) {
        JsonNode rating = onlyRating(name);
        assertThat(rating.path("score").asInt()).isEqualTo(score);
        assertThat(rating.path("comment").asText()).isEqualTo(comment);
        assertThat(rating.path("ratedOn").asText()).isEqualTo(channel);
    }

    @Then("{word} sees the rating {int}, given on {word}")
    public void seesTheRating(String name, int score, String channel) {
        JsonNode rating = onlyRating(name);
        assertThat(rating.path("score").asInt()).isEqualTo(score);
        assertThat(rating.path("ratedOn").asText()).isEqualTo(channel);
    }

    /** The one rating of the conversation, which is also the agent's own latest. */
    private static JsonNode onlyRating(String name) {
        JsonNode ratings = conversation(name).path("ratings");
        assertThat(ratings).as("ratings of the conversation: %s", ratings).hasSize(1);
        assertThat(ratings.get(0).path("status").asText()).isEqualTo("rated");
        JsonNode own = agent(name).getOk("/api/agent/ratings").path("ratings");
        assertThat(own).as("%s's own ratings", name).hasSize(1);
        assertThat(own.get(0).path("id").asText()).isEqualTo(ratings.get(0).path("id").asText());
        return ratings.get(0);
    }

    /** The suggestions beside the agent's reply box, best first. */
    private static List<JsonNode> suggestions(String name) {
        return StreamSupport.stream(agent(name).getOk("/api/agent/conversations/" + conversationId() + "/suggestions")
                .path("suggestions").spliterator(), false).toList();
    }

    private static JsonNode suggestion(String name, String topic) {
        return suggestions(name).stream().filter(s -> s.path("topic").asText().equals(topic)).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion \"" + topic + "\" for " + name + ": "
                        + suggestions(name)));
    }

    @Then("{word} accepts the conversation whose message reads {string} and {string}")
    public void acceptsTheConversationWhoseMessageReads(String name, String first, String second) {
        await().atMost(WAIT).until(() -> offeredIds(name).stream().anyMatch(id -> reads(name, id, first, second)));
        world().conversationId = offeredIds(name).stream().filter(id -> reads(name, id, first, second)).findFirst()
                .orElseThrow();
        accepts(name);
    }

    private static boolean reads(String name, String conversationId, String first, String second) {
        return StreamSupport.stream(agent(name).getOk("/api/agent/conversations/" + conversationId).path("messages")
                .spliterator(), false).map(m -> m.path("text").asText())
                .anyMatch(text -> text.contains(first) && text.contains(second));
    }

    @Then("{word} is suggested at most {int} articles, {string} first")
    public void isSuggestedFirst(String name, int most, String topic) {
        List<JsonNode> shown = suggestions(name);
        assertThat(shown).as("suggestions %s", shown).isNotEmpty().hasSizeLessThanOrEqualTo(most);
        assertThat(shown.get(0).path("topic").asText()).isEqualTo(topic);
        assertThat(shown.get(0).path("answer").asText()).isNotBlank();
    }

    @When("{word} inserts the suggested answer {string}, clicking twice")
    public void insertsTheSuggestedAnswer(String name, String topic) {
        JsonNode chosen = suggestion(name, topic);
        world().insertedAnswer = chosen.path("answer").asText();
        world().insertedScore = chosen.path("score").asDouble();
        String path = "/api/agent/conversations/" + conversationId() + "/suggestions/"
                + chosen.path("articleId").asText() + "/chosen";
        assertThat(agent(name).postOk(path, "{}").path("counted").asBoolean()).as("the first click").isTrue();
        assertThat(agent(name).postOk(path, "{}").path("counted").asBoolean()).as("the second click").isFalse();
    }

    @Then("{word}'s choice is counted once and {string} scores higher than before")
    public void herChoiceRaisesIt(String name, String topic) {
        assertThat(suggestion(name, topic).path("score").asDouble()).isGreaterThan(world().insertedScore);
    }

    @When("{word} sends the inserted answer on his last channel")
    public void sendsTheInsertedAnswer(String name) {
        assertThat(world().insertedAnswer).as("an answer she inserted").isNotNull();
        answer(name, world().insertedAnswer, null);
    }
}
