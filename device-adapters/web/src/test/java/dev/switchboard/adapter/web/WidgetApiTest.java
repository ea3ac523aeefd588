package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.adapter.testkit.StandInAgents;
import dev.switchboard.adapter.testkit.StandInGateway;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the chat widget uses of the web adapter, on the stand-in gateway's real Jetty: CORS for exactly the allowed
 * sites, the agents' availability pushed as it changes, the widget's scripts, a conversation's push stream under the
 * customer API's path.
 */
class WidgetApiTest {
    private static final String SHOP = "http://shop.example:8081";
    private final HttpClient http = HttpClient.newHttpClient();
    private final StandInAgents agents = new StandInAgents();
    private StandInGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = StandInGateway.builder().helpDesk(ApiServer.helpDesk()).agents(agents)
                .settings(Map.of(AllowedOrigins.KEY, " https://other.example , " + SHOP)).servingHttp()
                .start(new WebAdapter(Clock.fixed(ApiServer.NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private HttpResponse<String> post(String origin, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAllowedSiteIsAnsweredWithItsOriginAndItsPreflightWithTheHeadersTheApiTakes() throws Exception {
        HttpResponse<String> asked = post(SHOP, "/api/help", "{\"text\": \"hello\"}");
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(gateway.uri("/api/conversations/c-1/messages"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", SHOP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(asked.statusCode()).isEqualTo(201);
        assertThat(asked.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .contains("Authorization", "Idempotency-Key", "Last-Event-ID");
    }

    @Test
    void aSiteNotAllowedGetsNothingButARefusal() throws Exception {
        HttpResponse<String> asked = post("https://evil.example", "/api/help", "{\"text\": \"hello\"}");
        HttpResponse<String> stream = http.send(HttpRequest.newBuilder(gateway.uri(AvailabilityServlet.PATH))
                .header("Origin", "http://shop.example:9999").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(asked.statusCode()).isEqualTo(403);
        assertThat(asked.body()).contains("\"error\":\"origin-not-allowed\"");
        assertThat(asked.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(stream.statusCode()).isEqualTo(403);
        assertThat(stream.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void requestsWithoutAnOriginAndFromTheGatewaysOwnPagesAreLetThrough() throws Exception {
        String own = "http://127.0.0.1:" + gateway.uri("/").getPort();

        assertThat(post(null, "/api/help", "{\"text\": \"hello\"}").statusCode()).isEqualTo(201);
        assertThat(post(own, "/api/help", "{\"text\": \"hello\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void aSettingThatIsNotAListOfOriginsIsRefusedNamingIt() {
        assertThatThrownBy(() -> AllowedOrigins.of("https://shop.example/path"))
                .hasMessageContaining(AllowedOrigins.KEY).hasMessageContaining("https://shop.example/path");
        assertThatThrownBy(() -> AllowedOrigins.of("shop.example")).hasMessageContaining(AllowedOrigins.KEY);
        assertThat(AllowedOrigins.of("").origins()).isEmpty();
    }

    @Test
    void theAvailabilityIsSentAtOnceThenEachChangeAsItHappens() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(gateway.uri(AvailabilityServlet.PATH))
                .header("Origin", SHOP).build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(stream.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("data: {\"available\": false}"));
        agents.available(true);
        await().atMost(Duration.ofSeconds(2)).until(() -> lines.contains("data: {\"available\": true}"));
        agents.available(false);
        await().atMost(Duration.ofSeconds(2)).until(() -> lines.stream().filter(l -> l.contains("false")).count() == 2);
        assertThat(lines).filteredOn(line -> line.startsWith("event: ")).containsOnly("event: availability");
    }

    @Test
    void theWidgetsScriptsAreServedGzippedToBrowsersThatTakeIt() throws Exception {
        HttpResponse<byte[]> loader = http.send(HttpRequest.newBuilder(gateway.uri("/widget.js"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> chat = http.send(HttpRequest.newBuilder(gateway.uri("/widget/chat.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(gateway.uri("/widget/other.js")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(loader.statusCode()).isEqualTo(200);
        assertThat(loader.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(loader.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(gunzip(loader.body())).contains("api/widget/availability", "widget/chat.js");
        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(chat.body()).contains("switchboard-chat-loaded");
        assertThat(other.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> loaderFor(String page) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(WidgetFilesServlet.LOADER_PATH));
        if (page != null) {
            request.header("Referer", page);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLoaderCarriesTheAvailabilityForAnAllowedPageARefusalForAnotherAndNothingWithoutAPage() throws Exception {
        String placeholder = '"' + WidgetFilesServlet.SERVED_STATE + '"';
        HttpResponse<String> unavailable = loaderFor(SHOP + "/basket?item=7");
        agents.available(true);
        HttpResponse<String> available = loaderFor(SHOP + "/");
        HttpResponse<String> stranger = loaderFor("http://stranger.example/");
        HttpResponse<String> own = loaderFor(gateway.uri("/manager/embed").toString());
        HttpResponse<String> noPage = loaderFor(null);
        HttpResponse<String> notAPage = loaderFor("android-app://com.example");
        HttpResponse<String> chat = http.send(HttpRequest.newBuilder(gateway.uri("/widget/chat.js"))
                .header("Referer", SHOP + "/").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unavailable.body()).contains("[\"unavailable\"][0]").doesNotContain(placeholder);
        assertThat(available.body()).contains("[\"available\"][0]");
        assertThat(stranger.body()).contains("[\"refused\"][0]");
        assertThat(own.body()).as("the gateway's own pages (the embed preview)").contains("[\"available\"][0]");
        assertThat(noPage.body()).contains(placeholder);
        assertThat(notAPage.body()).contains(placeholder);
        assertThat(available.headers().firstValue("Cache-Control")).as("not kept: the state changes").hasValue("no-cache");
        assertThat(available.headers().firstValue("Vary").orElseThrow()).contains("Referer");
        assertThat(chat.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
    }

    @Test
    void aConversationsPushStreamIsServedUnderTheCustomerApiAndOnlyWithItsToken() throws Exception {
        HttpResponse<String> opened = post(SHOP, "/api/help", "{\"text\": \"hello\", \"visitorId\": \"v-push-1\"}");
        String id = opened.body().replaceAll(".*\"conversationId\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> withoutToken = http.send(HttpRequest.newBuilder(gateway.uri("/api/conversations/" + id
                + "/events")).header("Origin", SHOP).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(withoutToken.statusCode()).isEqualTo(404);
        assertThat(withoutToken.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
        assertThat(ApiRoute.of("/api/conversations", "/" + id + "/events")).isEqualTo(new ApiRoute(ApiRoute.Kind.EVENTS, id));
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
