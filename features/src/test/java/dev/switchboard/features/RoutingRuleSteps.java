package dev.switchboard.features;

import static dev.switchboard.testing.HttpJson.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * The manager at the agent API, keeping the routing rules, and what routing them does to new customers as the
 * agents see it. The gateway is shared by every feature: a scenario tagged {@code @routing-rules} leaves no rule.
 */
public class RoutingRuleSteps {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONDITIONS = List.of("channels", "senders", "words");

    private static World world() {
        return World.current();
    }

    private static AgentClient manager() {
        return new AgentClient(world().gateway().baseUri())
                .signedIn(RunningGateway.MANAGER, RunningGateway.MANAGER_PASSWORD);
    }

    @Given("agent {word} of team {string} with skill {string} is on duty")
    public void agentOfTeamIsOnDuty(String name, String team, String skill) {
        onDuty(name, "[" + quote(team) + "]", skill);
    }

    @Given("agent {word} with skill {string} is on duty")
    public void agentWithSkillIsOnDuty(String name, String skill) {
        onDuty(name, "[]", skill);
    }

    private static void onDuty(String name, String teams, String skill) {
        String username = name.toLowerCase(Locale.ROOT) + world().agentSuffix;
        String password = name + "'s long password";
        manager().postOk("/api/agent/accounts", "{\"username\": " + quote(username) + ", \"displayName\": "
                + quote(name) + ", \"password\": " + quote(password) + ", \"skills\": [" + quote(skill)
                + "], \"teams\": " + teams + ", \"capacity\": 3}");
        AgentClient agent = new AgentClient(world().gateway().baseUri()).signedIn(username, password);
        world().agents.put(name, agent);
        agent.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
    }

    @Given("the manager saves these routing rules, in order:")
    public void theManagerSavesTheseRules(DataTable table) {
        ArrayNode rules = JSON.createArrayNode();
        for (Map<String, String> row : table.asMaps()) {
            ObjectNode rule = rules.addObject();
            rule.put("name", row.get("name"));
            rule.put("enabled", "yes".equals(row.get("enabled")));
            ObjectNode conditions = rule.putObject("conditions");
            for (String field : CONDITIONS) {
                ArrayNode values = conditions.putArray(field);
                list(row.get(field)).forEach(values::add);
            }
            ObjectNode actions = rule.putObject("actions");
            actions.put("team", row.get("team"));
            actions.put("skill", row.get("skill"));
            actions.put("priority", Integer.parseInt(row.get("priority")));
            actions.put("acknowledgement", row.get("acknowledgement"));
            ArrayNode tags = actions.putArray("tags");
            list(row.get("tags")).forEach(tags::add);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("rules", rules);
        HttpJson.Response saved = manager().put("/api/agent/routing-rules", body.toString());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("rules")).hasSize(table.asMaps().size());
    }

    private static List<String> list(String cell) {
        return cell == null ? List.of() : Arrays.stream(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    @After("@routing-rules")
    public void noRuleIsLeft() {
        manager().put("/api/agent/routing-rules", "{\"rules\": []}");
    }

    @When("{string} mails the desk {string} saying {string}")
    public void mailsTheDesk(String from, String subject, String text) {
        world().gateway().mail().mailTheDesk(from, subject, text, "<" + UUID.randomUUID() + "@bigcorp.example>");
    }

    @Then("{word} is offered the conversation routed by rule {string}, for team {word} with priority {int}")
    public void offeredForTeam(String name, String rule, String team, int priority) {
        JsonNode offer = offerRoutedBy(name, rule);
        assertThat(offer.path("team").asText()).isEqualTo(team);
        assertThat(offer.path("priority").asInt()).isEqualTo(priority);
    }

    @Then("{word} is offered the conversation routed by rule {string}, for skill {word} tagged {string}")
    public void offeredForSkill(String name, String rule, String skill, String tag) {
        JsonNode offer = offerRoutedBy(name, rule);
        assertThat(offer.path("skill").asText()).isEqualTo(skill);
        assertThat(StreamSupport.stream(offer.path("tags").spliterator(), false).map(JsonNode::asText))
                .containsExactly(tag);
    }

    @Then("{word} is not offered that conversation")
    public void notOffered(String name) {
        assertThat(offers(name)).extracting(o -> o.path("conversationId").asText())
                .doesNotContain(world().conversationId);
    }

    @Then("{word} is offered his conversation for skill {word}, routed by no rule")
    public void offeredByDefault(String name, String skill) {
        String id = world().visitor.answer.json().path("conversationId").asText();
        JsonNode offer = await().atMost(AgentDeskSteps.WAIT).until(() -> offers(name).stream()
                .filter(o -> o.path("conversationId").asText().equals(id)).findFirst(), Optional::isPresent).get();
        assertThat(offer.path("skill").asText()).isEqualTo(skill);
        assertThat(offer.path("team").isNull()).isTrue();
        assertThat(offer.path("routingRule").isNull()).isTrue();
        assertThat(offer.path("tags")).isEmpty();
    }

    @Then("he was told {string}")
    public void heWasTold(String text) {
        assertThat(world().visitor.answer.json().path("reply").path("text").asText()).isEqualTo(text);
    }

    /** The offer to this agent of a conversation the rule routed, once there is one; it becomes the scenario's. */
    private static JsonNode offerRoutedBy(String name, String rule) {
        JsonNode offer = await().atMost(AgentDeskSteps.WAIT).until(() -> offers(name).stream()
                .filter(o -> o.path("routingRule").asText().equals(rule)).findFirst(), Optional::isPresent).get();
        world().conversationId = offer.path("conversationId").asText();
        return offer;
    }

    private static List<JsonNode> offers(String name) {
        return StreamSupport.stream(AgentDeskSteps.agent(name).getOk("/api/agent/offers").path("offers").spliterator(),
                false).toList();
    }
}
