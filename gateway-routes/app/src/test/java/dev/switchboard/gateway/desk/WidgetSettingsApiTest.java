package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TwoNodeCluster;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager page's "Embed the button" through the agent API: the widget's settings read and saved by managers only
 * (CSRF, every refusal naming its field), kept across a full restart, applied at once (CORS, the loader's look); and on
 * two nodes, a save on one in force on the other within a second or so, a removed site refused there too.
 */
class WidgetSettingsApiTest {
    private static final String PATH = "/api/agent/widget-settings";
    private static final String FIXED = "https://fixed.example";
    private static final String SHOP = "http://shop.example:8081";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static String settings(String color, String buttonText, String... origins) {
        StringBuilder sites = new StringBuilder();
        for (String origin : origins) {
            sites.append(sites.length() == 0 ? "" : ", ").append(HttpJson.quote(origin));
        }
        return "{\"color\": \"" + color + "\", \"position\": \"left\", \"language\": \"en\", "
                + "\"english\": {\"available\": " + HttpJson.quote(buttonText) + ", \"unavailable\": "
                + HttpJson.quote(buttonText) + "}, \"polish\": {\"greeting\": \"Dzień dobry\"}, "
                + "\"invitation\": {\"on\": true, \"afterSeconds\": 20, \"pathPattern\": \"^/products/\", "
                + "\"minPages\": 2}, \"allowedOrigins\": [" + sites + "]}";
    }

    /** What a page of {@code origin} is answered when it asks for help. */
    static int askFrom(Gateway gateway, String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/api/help"))
                .header("Content-Type", "application/json").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hello\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String loader(Gateway gateway, String page) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/widget.js")).header("Referer", page).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aManagerSavesTheSettingsCheckedFieldByFieldAndTheyHoldAtOnceAndAfterARestart(@TempDir Path dir)
            throws Exception {
        Map<String, String> settings = Map.of(SwitchboardConfig.WIDGET_ALLOWED_ORIGINS, FIXED);
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, settings)) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = AgentRoutingApiTest.agent(gateway, boss, "ann", "[\"general\"]", 1);
            JsonNode defaults = boss.getOk(PATH);
            assertThat(defaults.path("color").asText()).isEqualTo("#1a56b0");
            assertThat(defaults.path("serverOrigins").toString()).isEqualTo("[\"" + FIXED + "\"]");
            assertThat(defaults.path("allowedOrigins").size()).isZero();
            assertThat(askFrom(gateway, SHOP)).isEqualTo(403);

            HttpJson.Response badColour = boss.put(PATH, settings("red", "Talk to us"), true);
            HttpJson.Response badSite = boss.put(PATH, settings("#aa0000", "Talk to us", SHOP + "/shop"), true);
            HttpJson.Response longText = boss.put(PATH, settings("#aa0000", "x".repeat(61)), true);
            HttpJson.Response noCsrf = boss.put(PATH, settings("#aa0000", "Talk to us", SHOP), false);
            HttpJson.Response notAManager = ann.put(PATH, settings("#aa0000", "Talk to us", SHOP), true);
            assertThat(badColour.status()).isEqualTo(400);
            assertThat(badColour.json().path("field").asText()).isEqualTo("color");
            assertThat(badSite.status()).isEqualTo(400);
            assertThat(badSite.json().path("field").asText()).isEqualTo("allowedOrigins");
            assertThat(badSite.json().path("message").asText()).contains(SHOP + "/shop", "no path");
            assertThat(longText.json().path("field").asText()).isEqualTo("english.available");
            assertThat(noCsrf.status()).isEqualTo(403);
            assertThat(notAManager.status()).isEqualTo(403);
            assertThat(ann.get(PATH).status()).as("the settings are the managers'").isEqualTo(403);
            assertThat(askFrom(gateway, SHOP)).as("nothing refused was saved").isEqualTo(403);

            HttpJson.Response saved = boss.put(PATH, settings("#AA0000", "Talk to us", SHOP), true);

            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().path("color").asText()).isEqualTo("#aa0000");
            assertThat(saved.json().path("savedBy").asText()).isEqualTo("boss");
            assertThat(askFrom(gateway, SHOP)).isEqualTo(201);
            assertThat(askFrom(gateway, FIXED)).isEqualTo(201);
            assertThat(loader(gateway, SHOP + "/")).contains("#aa0000", "Talk to us", "[\"unavailable\"][0]");
        }
        try (Gateway again = AgentRoutingApiTest.gateway(dir, settings)) {
            AgentClient boss = new AgentClient(again.baseUri()).signedIn("boss", BOSS_PASSWORD);
            JsonNode kept = boss.getOk(PATH);
            assertThat(kept.path("color").asText()).isEqualTo("#aa0000");
            assertThat(kept.path("english").path("available").asText()).isEqualTo("Talk to us");
            assertThat(kept.path("polish").path("greeting").asText()).isEqualTo("Dzień dobry");
            assertThat(kept.path("invitation").path("pathPattern").asText()).isEqualTo("^/products/");
            assertThat(kept.path("allowedOrigins").toString()).isEqualTo("[\"" + SHOP + "\"]");
            assertThat(askFrom(again, SHOP)).as("allowed from the start, after a full restart").isEqualTo(201);
            assertThat(loader(again, SHOP + "/")).contains("#aa0000");
        }
    }

    @Test
    void aSaveOnOneNodeIsInForceOnTheOtherWithinASecondOrSo(@TempDir Path dirA, @TempDir Path dirB) throws Exception {
        try (TwoNodeCluster nodes = AgentsOnTwoNodesTest.cluster(dirA, dirB, "widget-settings", Map.of())) {
            Gateway a = nodes.a();
            Gateway b = nodes.b();
            AgentClient boss = new AgentClient(a.baseUri()).signedIn("boss", BOSS_PASSWORD);
            assertThat(askFrom(b, SHOP)).isEqualTo(403);

            assertThat(boss.put(PATH, settings("#00aa00", "Ask us", SHOP), true).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> askFrom(b, SHOP) == 201);
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> loader(b, SHOP + "/").contains("#00aa00"));
            assertThat(new AgentClient(b.baseUri()).signedIn("boss", BOSS_PASSWORD).getOk(PATH).path("color").asText())
                    .isEqualTo("#00aa00");

            assertThat(boss.put(PATH, settings("#00aa00", "Ask us"), true).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> askFrom(b, SHOP) == 403);
            assertThat(loader(b, SHOP + "/")).contains("[\"refused\"][0]");
        }
    }
}
