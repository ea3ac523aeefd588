package dev.switchboard.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.hub.places.EarthDistance;
import dev.switchboard.hub.places.ServicePoint;
import dev.switchboard.hub.places.json.ServicePointsLoader;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestGateways;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cordova app's browser build (made by this module's build with the Cordova CLI), served by a whole
 * gateway on a free port, driven in Debian's Chromium by Playwright ({@code src/test/js/app-in-chromium.mjs}):
 * with the location shared, with it refused, offline, and chatting with an agent, whom this test plays through
 * the agent API ({@link AgentClient}) when the script asks, and opened on a thread longer than a page, whose
 * earlier messages it reads by the cursor. What reached the help desk is read back through the customer API.
 */
class MobileAppInChromiumTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path BUILT_APP = MODULE.resolve("platforms/browser/www");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGER_PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;
    static Gateway gateway;
    static JsonNode shown;

    @BeforeAll
    static void driveTheAppInChromium() throws Exception {
        assertThat(BUILT_APP.resolve("index.html")).as("the browser platform built by `cordova build browser`").exists();
        gateway = TestGateways.start(dataDir, Map.of("switchboard.mobile.app-dir", BUILT_APP.toString(),
                "switchboard.accounts.first-manager", "boss",
                "switchboard.accounts.first-manager-password", MANAGER_PASSWORD,
                "switchboard.accounts.password-hash-cost", "4"));
        shown = runPlaywright(gateway.baseUri().toString());
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static JsonNode runPlaywright(String baseUrl) throws IOException, InterruptedException {
        Path log = dataDir.resolve("playwright.log");
        Process node = new ProcessBuilder("node", "src/test/js/app-in-chromium.mjs", baseUrl)
                .directory(MODULE.toFile())
                .redirectError(log.toFile())
                .start();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        watchdog.schedule(node::destroyForcibly, 240, TimeUnit.SECONDS);
        String last = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
             Writer answers = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("agent ")) {
                    answers.write(playTheAgent(line) + "\n");
                    answers.flush();
                } else if (!line.isBlank()) {
                    last = line;
                }
            }
        } finally {
            watchdog.shutdownNow();
        }
        boolean finished = node.waitFor(10, TimeUnit.SECONDS);
        assertThat(finished && node.exitValue() == 0).as("Playwright failed or was stopped after 240 s: %s%s",
                Files.readString(log), last).isTrue();
        return JSON.readTree(last);
    }

    private static AgentClient ann;

    /** The agent's side of the live chat, as the script asks for it: an agent answers through the agent API. */
    private static String playTheAgent(String request) {
        if (request.equals("agent available")) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", MANAGER_PASSWORD);
            boss.postOk("/api/agent/accounts", "{\"username\": \"ann\", \"displayName\": \"Ann\", "
                    + "\"password\": \"ann long password\", \"skills\": [\"general\"], \"capacity\": 2}");
            ann = new AgentClient(gateway.baseUri()).signedIn("ann", "ann long password");
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            return "ok";
        }
        if (request.startsWith("agent finishes ")) {
            ann.postOk("/api/agent/conversations/" + request.substring("agent finishes ".length()) + "/finish", "{}");
            return "ok";
        }
        String[] answer = request.split(" ", 4); // agent answers <conversationId> <text>
        String path = "/api/agent/conversations/" + answer[2];
        // The routing tick offers the conversation to Ann: she claims it once it is there.
        await().atMost(Duration.ofSeconds(20)).until(() ->
                ann.getOk("/api/agent/offers").path("offers").findValuesAsText("conversationId").contains(answer[2]));
        ann.postOk(path + "/claim", "{}");
        JsonNode sent = ann.postOk(path + "/messages", "{\"text\": " + HttpJson.quote(answer[3]) + "}");
        return "ok " + sent.path("message").path("id").asText();
    }

    @Test
    void afterTheAgentFinishesTheAppAsksForARatingAndSendsTheScoreAndComment() {
        JsonNode rated = shown.path("liveChat").path("rated");
        assertThat(rated.path("shownBefore").asBoolean()).as("no card before the finish").isFalse();
        assertThat(rated.path("question").asInt()).as("the question in the thread").isEqualTo(1);
        assertThat(rated.path("status").asInt()).isEqualTo(200);
        assertThat(rated.path("hiddenAfter").asBoolean()).isTrue();

        String conversation = shown.path("liveChat").path("session").path("conversationId").asText();
        JsonNode ratings = ann.getOk("/api/agent/conversations/" + conversation).path("ratings");
        assertThat(ratings).hasSize(1);
        assertThat(ratings.get(0).path("score").asInt()).isEqualTo(4);
        assertThat(ratings.get(0).path("comment").asText()).isEqualTo("Kind <b>and</b> quick");
        assertThat(ratings.get(0).path("askedOn").asText()).isEqualTo("mobile-app");
        assertThat(ratings.get(0).path("ratedOn").asText()).isEqualTo("mobile-app");
    }

    /** The demo service points nearest to a position, by the distance this test computes itself. */
    private static List<String> expectedNearest(double lat, double lon) {
        List<ServicePoint> all = new ArrayList<>(ServicePointsLoader.fromClasspath("service-points-demo.json"));
        all.sort(Comparator.comparingDouble(p -> EarthDistance.meters(lat, lon, p.latitude(), p.longitude())));
        return all.stream().limit(5).map(ServicePoint::name).toList();
    }

    private static List<String> names(JsonNode scenario) {
        List<String> names = new ArrayList<>();
        scenario.path("points").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    @Test
    void withTheLocationSharedTheAnswerListsTheNearestPointsInOrderWithDistances() {
        JsonNode located = shown.path("located");

        assertThat(located.path("reason").asText()).contains("service points nearest to you", "region's team");
        assertThat(names(located)).isEqualTo(expectedNearest(50.0614, 19.9366));
        JsonNode points = located.path("points");
        assertThat(points.get(0).path("name").asText()).isEqualTo("Kraków Rynek Główny");
        assertThat(points.get(0).path("distance").asText()).isEqualTo(points.get(0).path("distanceMeters").asLong() + " m");
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).path("distanceMeters").asLong())
                    .isGreaterThanOrEqualTo(points.get(i - 1).path("distanceMeters").asLong());
        }
        assertThat(points.get(0).path("open").asText()).isIn("open now", "closed now");
        assertThat(located.path("title").asText()).contains("Lesser Poland");
        assertThat(located.path("errors")).isEmpty();
    }

    @Test
    void theConversationIsKeptOnTheDeviceWhenTheAppIsOpenedAgain() {
        JsonNode afterReload = shown.path("located").path("afterReload");

        assertThat(afterReload.path("messages").asInt()).isEqualTo(2);
        assertThat(afterReload.path("points").asInt()).isEqualTo(5);
        assertThat(afterReload.path("askedAgain").asBoolean()).isFalse();
    }

    @Test
    void theProjectsPluginGivesTheDeviceContextThatGoesWithTheQuestion() {
        JsonNode sent = shown.path("located").path("sent");

        assertThat(sent).hasSize(1);
        JsonNode context = sent.get(0).path("context");
        assertThat(context.path("location").path("lat").asDouble()).isEqualTo(50.0614);
        assertThat(context.path("location").path("lon").asDouble()).isEqualTo(19.9366);
        assertThat(context.path("location").path("accuracyMeters").asDouble()).isEqualTo(20.0);
        assertThat(context.path("location").path("source").asText()).isEqualTo("other");
        assertThat(context.path("locale").asText()).isEqualTo("pl-PL");
        assertThat(context.path("network").asText()).isNotBlank();
        assertThat(context.path("appVersion").asText()).isEqualTo("0.1.0");
        assertThat(sent.get(0).path("idempotencyKey").asText()).startsWith("m-");
        assertThat(sent.get(0).path("appInstallId").asText()).startsWith("app-");
    }

    @Test
    void withTheLocationRefusedTheAppAsksForATownAndStillAnswers() {
        JsonNode town = shown.path("town");

        assertThat(town.path("status").asText()).contains("not allowed");
        assertThat(town.path("townReason").asText()).contains("tell us your town");
        assertThat(names(town)).isEqualTo(expectedNearest(54.35205, 18.64637)).first().isEqualTo("Gdańsk Długa");
        assertThat(town.path("title").asText()).contains("Pomerania");
        assertThat(town.path("errors")).isEmpty();
    }

    @Test
    void offlineTheQuestionsWaitAndBackOnlineExactlyOneCopyOfEachReachesTheHelpDesk() {
        JsonNode offline = shown.path("offline");
        JsonNode whileOffline = offline.path("whileOffline");
        assertThat(whileOffline.path("waiting").asInt()).isEqualTo(2);
        assertThat(whileOffline.path("outbox").asInt()).isEqualTo(2);
        assertThat(whileOffline.path("answers").asInt()).isZero();
        assertThat(whileOffline.path("conversationId").isNull()).as("nothing reached the help desk").isTrue();
        assertThat(offline.path("afterOnline").path("waiting").asInt()).isZero();
        assertThat(offline.path("lostAnswerAttempts").asInt()).as("the lost answer was asked for again").isEqualTo(2);
        assertThat(names(offline)).first().isEqualTo("London Oxford Street");

        JsonNode session = offline.path("session");
        HttpJson.Response thread = new HttpJson(gateway.baseUri()).get(
                "/api/conversations/" + session.path("conversationId").asText(), session.path("customerToken").asText());
        assertThat(thread.status()).isEqualTo(200);
        List<String> questions = new ArrayList<>();
        thread.json().path("messages").forEach(m -> {
            if (m.path("direction").asText().equals("inbound")) {
                questions.add(m.path("text").asText());
            }
        });
        assertThat(questions).containsExactly("Where can I return a parcel?", "And until when are you open today?",
                "Is the Oxford Street point open on Sunday?");
        assertThat(thread.json().path("messages")).hasSize(6);
        assertThat(offline.path("history").asInt()).as("the phone shows each question and answer once").isEqualTo(6);
    }

    @Test
    void anAgentsReplyIsPushedToTheAppAtOnceAndKeptOnTheDevice() {
        JsonNode chat = shown.path("liveChat");

        assertThat(chat.path("thread").toString()).contains("Ann here: your parcel is at the depot");
        assertThat(chat.path("pollsWhileWaiting").asInt()).as("no fallback poll: the reply came pushed").isZero();
        assertThat(chat.path("pushStillOpen").asBoolean()).isTrue();
        assertThat(chat.path("shownAfterMillis").asLong()).as("well before the 5 s fallback poll").isLessThan(3000);
        assertThat(chat.path("kept")).as("kept in the history on the device")
                .containsExactly(JSON.getNodeFactory().textNode("Ann here: your parcel is at the depot and comes tomorrow."));
        assertThat(chat.path("afterReload").asInt()).as("shown once after the app is opened again").isEqualTo(1);
        assertThat(chat.path("errors")).isEmpty();
        List<String> authors = new ArrayList<>();
        chat.path("thread").forEach(m -> authors.add(m.path("author").asText() + ": " + m.path("text").asText()));
        assertThat(authors).containsSubsequence("you: My parcel did not arrive, can a person help?",
                "Ann: Hello, this is Ann. How can I help?",
                "Ann: Ann here: your parcel is at the depot and comes tomorrow.");
        assertThat(authors).filteredOn(a -> a.startsWith("you:")).hasSize(1);
    }

    @Test
    void earlierMessagesAreReadByTheCursorUntilTheWholeThreadShowsEachMessageOnce() {
        JsonNode earlier = shown.path("earlier");

        assertThat(earlier.path("thread").size()).as("longer than the stream's page").isGreaterThan(50);
        assertThat(earlier.path("shownBefore").asInt()).as("the stream sent the newest page only").isEqualTo(50);
        assertThat(earlier.path("reads").size()).as("reads by the cursor").isGreaterThanOrEqualTo(2);
        earlier.path("reads").forEach(query -> assertThat(query.asText()).contains("limit=20").contains("before="));
        assertThat(earlier.path("shown")).as("the whole thread, in order, each message once")
                .isEqualTo(earlier.path("thread"));
        assertThat(earlier.path("kept").asInt()).isEqualTo(earlier.path("thread").size());
        assertThat(earlier.path("errors")).isEmpty();
    }

    @Test
    void theAppsMessagesReachTheHelpDeskAsChannelMobileApp() {
        JsonNode session = shown.path("liveChat").path("session");
        HttpJson.Response thread = new HttpJson(gateway.baseUri()).get(
                "/api/conversations/" + session.path("conversationId").asText(), session.path("customerToken").asText());

        List<String> channels = new ArrayList<>();
        thread.json().path("messages").forEach(m -> channels.add(m.path("direction").asText() + " "
                + m.path("channel").asText()));
        assertThat(channels).contains("inbound mobile-app", "outbound mobile-app").doesNotContain("inbound web-chat");
    }
}
