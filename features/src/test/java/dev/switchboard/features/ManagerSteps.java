package dev.switchboard.features;

import static dev.switchboard.testing.HttpJson.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import io.cucumber.java.After;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * The help desk's manager on the manager page "Embed the button", through the agent API as the page calls it: he
 * reads the chat widget's settings, changes them and saves them whole. A scenario that saved any puts the widget's
 * defaults back at its end, as the gateway is shared by the scenarios.
 */
public class ManagerSteps {
    private static final String SETTINGS = "/api/agent/widget-settings";
    private static final String DEFAULTS = "{\"color\": \"#1a56b0\", \"position\": \"right\", \"language\": \"en\"}";

    private static World world() {
        return World.current();
    }

    private static AgentClient manager() {
        return new AgentClient(world().gateway().baseUri())
                .signedIn(RunningGateway.MANAGER, RunningGateway.MANAGER_PASSWORD);
    }

    /** Saves the settings he read with the sites, colour and English button texts given; the answer. */
    private static HttpJson.Response save(AgentClient manager, String color, String buttonText, String... sites) {
        JsonNode read = manager.getOk(SETTINGS);
        StringBuilder origins = new StringBuilder();
        for (String site : sites) {
            origins.append(origins.length() == 0 ? "" : ", ").append(quote(site));
        }
        String text = buttonText == null ? "" : buttonText;
        world().widgetSettingsSaved = true;
        return manager.put(SETTINGS, "{\"color\": " + quote(color) + ", \"position\": "
                + quote(read.path("position").asText()) + ", \"language\": " + quote(read.path("language").asText())
                + ", \"english\": {\"available\": " + quote(text) + ", \"unavailable\": " + quote(text) + "}, "
                + "\"allowedOrigins\": [" + origins + "]}", true);
    }

    @When("the manager allows the site {string} with the colour {string} and the button text {string}")
    public void heAllowsTheSite(String site, String color, String text) {
        HttpJson.Response saved = save(manager(), color, text, site);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("allowedOrigins").toString()).contains(quote(site));
    }

    @When("the manager removes the site {string}")
    public void heRemovesTheSite(String site) {
        AgentClient manager = manager();
        JsonNode read = manager.getOk(SETTINGS);
        assertThat(read.path("allowedOrigins").toString()).contains(quote(site));
        HttpJson.Response saved = save(manager, read.path("color").asText(),
                read.path("english").path("available").asText());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("allowedOrigins").size()).isZero();
    }

    @When("the manager tries to allow the site {string}")
    public void heTriesToAllow(String site) {
        world().managerAnswer = save(manager(), "#1a56b0", null, site);
    }

    @Then("he is told that {string} takes an origin without a path")
    public void heIsToldNoPath(String field) {
        HttpJson.Response refused = world().managerAnswer;
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asText()).isEqualTo(field);
        assertThat(refused.json().path("message").asText()).contains("no path");
    }

    @After
    public void putTheDefaultsBack() {
        if (world().widgetSettingsSaved) {
            HttpJson.Response reset = manager().put(SETTINGS, DEFAULTS, true);
            assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        }
    }
}
