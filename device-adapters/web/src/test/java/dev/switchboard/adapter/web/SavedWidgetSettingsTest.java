package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.adapter.testkit.StandInAgents;
import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.adapter.testkit.StandInWidgetSettings;
import dev.switchboard.spi.WidgetSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The widget's settings the managers save, on the stand-in gateway's real Jetty: a saved site is allowed beside the
 * server's setting from the save on, a removed one refused at once and its open streams ended; the loader carries the
 * saved look, escaped.
 *
 * <p>Streams are read on threads of the common pool; a stream the gateway ends finishes its read.
 */
class SavedWidgetSettingsTest {
    private static final String FIXED = "https://fixed.example";
    private static final String SHOP = "http://shop.example:8081";
    private final HttpClient http = HttpClient.newHttpClient();
    private final StandInWidgetSettings saved = new StandInWidgetSettings();
    private StandInGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = StandInGateway.builder().helpDesk(ApiServer.helpDesk()).agents(new StandInAgents())
                .widgetSettings(saved).settings(Map.of(AllowedOrigins.KEY, FIXED)).servingHttp()
                .start(new WebAdapter(Clock.fixed(ApiServer.NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private static WidgetSettings withSites(String color, String buttonText, List<String> sites) {
        return new WidgetSettings(color, "left", "en", new WidgetSettings.Texts(buttonText, "", "", ""),
                WidgetSettings.Texts.NONE, new WidgetSettings.Invitation(true, 20, "^/products/", 2), sites, "boss",
                Instant.parse("2026-12-07T10:00:00Z"));
    }

    private int askFrom(String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.uri("/api/help")).header("Content-Type", "application/json")
                .header("Origin", origin).POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hello\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String loaderFor(String page) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.uri(WidgetFilesServlet.LOADER_PATH)).header("Referer", page)
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aSavedSiteIsAllowedBesideTheServersAndARemovedOneIsRefusedAtOnceItsStreamEnded() throws Exception {
        assertThat(askFrom(SHOP)).isEqualTo(403);
        assertThat(loaderFor(SHOP + "/")).contains("[\"refused\"][0]");

        saved.save(withSites("#aa0000", "Talk to us", List.of(SHOP)));

        assertThat(askFrom(SHOP)).isEqualTo(201);
        assertThat(askFrom(FIXED)).as("the server's setting still holds").isEqualTo(201);
        assertThat(loaderFor(SHOP + "/basket")).contains("[\"unavailable\"][0]");
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(gateway.uri(AvailabilityServlet.PATH))
                .header("Origin", SHOP).build(), HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("data: {\"available\": false}"));
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(gateway.uri("/api/help"))
                .header("Content-Type", "application/json").header("Origin", SHOP)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hello\", \"visitorId\": \"v-removed-1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode chat = Json.MAPPER.readTree(opened.body());
        HttpResponse<Stream<String>> pushes = http.send(HttpRequest.newBuilder(gateway.uri("/api/conversations/"
                        + chat.path("conversationId").asText() + "/events")).header("Origin", SHOP)
                .header("Authorization", "Bearer " + chat.path("customerToken").asText()).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(pushes.statusCode()).isEqualTo(200);
        CompletableFuture<Void> pushesEnded = CompletableFuture.runAsync(() -> pushes.body().forEach(line -> { }));

        saved.save(withSites("#aa0000", "Talk to us", List.of()));

        await().atMost(Duration.ofSeconds(5)).until(ended::isDone);
        await().atMost(Duration.ofSeconds(5)).alias("the conversation's push stream").until(pushesEnded::isDone);
        assertThat(askFrom(SHOP)).isEqualTo(403);
        assertThat(askFrom(FIXED)).isEqualTo(201);
        assertThat(loaderFor(SHOP + "/")).contains("[\"refused\"][0]");
    }

    @Test
    void theLoaderCarriesTheSavedLookEscapedAndNeverTheSites() throws Exception {
        String before = loaderFor(FIXED + "/");
        assertThat(before).contains("\"#1a56b0\"").doesNotContain(ServedLook.PLACEHOLDER);

        saved.save(withSites("#aa0000", "Talk to us '</script><script>alert(1)</script>", List.of(SHOP)));
        String after = loaderFor(FIXED + "/");

        assertThat(after).contains("#aa0000", "Talk to us", "\\\"position\\\":\\\"left\\\"", "^/products/")
                .doesNotContain("</script>", ServedLook.PLACEHOLDER, "shop.example");
        assertThat(ServedLook.of(withSites("#aa0000", "it's \"quoted\" \\ <b>", List.of())))
                .contains("it\\'s \\\\\\\"quoted\\\\\\\" \\\\\\\\ \\u003cb>");
    }
}
