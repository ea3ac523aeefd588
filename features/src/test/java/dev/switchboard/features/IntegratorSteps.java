package dev.switchboard.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.HttpJson;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The integrator who adds a channel: he lists his adapter as a service and looks at what the running
 * gateway says about it, over HTTP as an operator would.
 */
public class IntegratorSteps {
    static final String SERVICE_FILE = "META-INF/services/dev.switchboard.spi.DeviceAdapter";

    // Read at each step, never kept in a field: the world is replaced before every scenario.
    private static World world() {
        return World.current();
    }

    @Given("the integrator's adapter {string} is listed as a device adapter service on the class path")
    public void theAdapterIsListedAsAService(String className) {
        assertThat(serviceEntries()).contains(className);
    }

    @When("the gateway has started")
    public void theGatewayHasStarted() {
        assertThat(world().gateway().http().get("/health", null).status()).isEqualTo(200);
    }

    @Then("its health report shows the adapter {string} UP")
    public void itsHealthShowsTheAdapterUp(String adapterId) {
        HttpJson.Response health = world().gateway().http().get("/health", null);

        assertThat(health.status()).as("GET /health: %s", health.body()).isEqualTo(200);
        JsonNode adapter = health.json().path("components").path("adapters").path(adapterId);
        assertThat(adapter.path("status").asText()).as("adapter %s in %s", adapterId, health.body()).isEqualTo("UP");
    }

    @Then("its start page lists the channels {string} and {string}")
    public void itsStartPageListsTheChannels(String first, String second) {
        HttpJson.Response page = world().gateway().http().get("/", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<code>" + first + "</code>", "<code>" + second + "</code>");
    }

    @Then("its start page links the page {string}")
    public void itsStartPageLinksThePage(String path) {
        HttpJson.Response page = world().gateway().http().get("/", null);

        assertThat(page.body()).contains("href=\"" + path + "\"");
        assertThat(world().gateway().http().get(path, null).status()).isEqualTo(200);
    }

    /** Every class named in a service file of the class path, as ServiceLoader reads them. */
    private static List<String> serviceEntries() {
        List<String> entries = new ArrayList<>();
        try {
            for (URL file : Collections.list(IntegratorSteps.class.getClassLoader().getResources(SERVICE_FILE))) {
                try (InputStream in = file.openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(line -> line.replaceAll("#.*", "").strip())
                            .filter(line -> !line.isEmpty())
                            .forEach(entries::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
