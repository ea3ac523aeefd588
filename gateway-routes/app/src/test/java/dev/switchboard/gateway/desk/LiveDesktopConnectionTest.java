package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.presence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.LiveFrames;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's live connection at /api/agent/live over a real WebSocket (the JDK's client) to a whole gateway:
 * what it pushes, whom it refuses, and that an agent whose connection closes turns away after the grace period.
 */
class LiveDesktopConnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static String origin(Gateway gateway) {
        String base = gateway.baseUri().toString();
        return base.substring(0, base.length() - 1);
    }

    @Test
    void aSignedInAgentIsToldOfAnOfferAsTheCustomerAsksAndAManagerSeesTheQueueChange(@TempDir Path dir)
            throws Exception {
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = AgentRoutingApiTest.agent(gateway, boss, "ann", "[\"general\"]", 1);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            LiveFrames annFrames = new LiveFrames();
            LiveFrames bossFrames = new LiveFrames();
            WebSocket annLive = ann.live(origin(gateway), annFrames).get(10, TimeUnit.SECONDS);
            boss.live(origin(gateway), bossFrames).get(10, TimeUnit.SECONDS);
            assertThat(annFrames.next(LiveFrames.of("HELLO", null), WAIT).path("username").asText()).isEqualTo("ann");
            assertThat(bossFrames.next(LiveFrames.of("HELLO", null), WAIT).path("manager").asBoolean()).isTrue();

            JsonNode asked = new HttpJson(gateway.baseUri())
                    .postJson("/api/help", "{\"text\": \"I need a person please\"}", null).json();
            String conversationId = asked.path("conversationId").asText();

            JsonNode offered = annFrames.next(LiveFrames.of("OFFERED", conversationId), WAIT);
            assertThat(offered.path("at").asText()).isNotEmpty();
            bossFrames.next(LiveFrames.of("QUEUED", conversationId), WAIT);
            bossFrames.next(LiveFrames.of("OFFERED", conversationId), WAIT);

            ann.postOk("/api/agent/conversations/" + conversationId + "/claim", "{}");
            annFrames.next(LiveFrames.of("CLAIMED", conversationId), WAIT);
            new HttpJson(gateway.baseUri()).postJson("/api/conversations/" + conversationId + "/messages",
                    "{\"text\": \"are you there?\"}", asked.path("customerToken").asText());
            annFrames.next(LiveFrames.of("MESSAGE", conversationId), WAIT);
            annLive.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theCustomersTypingAndReadingReachTheAgentLiveAndTheAgentsReadingReachesTheCustomer(@TempDir Path dir)
            throws Exception {
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = AgentRoutingApiTest.agent(gateway, boss, "ann", "[\"general\"]", 1);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            LiveFrames annFrames = new LiveFrames();
            ann.live(origin(gateway), annFrames).get(10, TimeUnit.SECONDS);
            annFrames.next(LiveFrames.of("HELLO", null), WAIT);
            HttpJson customer = new HttpJson(gateway.baseUri());
            JsonNode asked = customer.postJson("/api/help", "{\"text\": \"I need a person please\"}", null).json();
            String conversationId = asked.path("conversationId").asText();
            String token = asked.path("customerToken").asText();
            String conversation = "/api/conversations/" + conversationId;
            ann.postOk("/api/agent/conversations/" + conversationId + "/claim", "{}");

            assertThat(customer.postJson(conversation + "/typing", "{}", token).status()).isEqualTo(200);
            annFrames.next(LiveFrames.of("TYPING", conversationId), WAIT);
            assertThat(customer.postJson(conversation + "/typing", "{}", "not-the-token").status()).isEqualTo(404);

            JsonNode view = ann.getOk("/api/agent/conversations/" + conversationId);
            JsonNode question = view.path("messages").get(0);
            assertThat(view.path("agentsReadUpTo").isNull()).isTrue();
            assertThat(ann.postOk("/api/agent/conversations/" + conversationId + "/read",
                    "{\"messageId\": \"" + question.path("id").asText() + "\"}").path("moved").asBoolean()).isTrue();
            assertThat(customer.get(conversation, token).json().path("readUpTo").asText())
                    .isEqualTo(question.path("at").asText());

            JsonNode sent = ann.postOk("/api/agent/conversations/" + conversationId + "/messages",
                    "{\"text\": \"Here I am.\"}").path("message");
            String answerId = sent.path("id").asText();
            assertThat(customer.postJson(conversation + "/read", "{\"messageId\": \"" + answerId + "\"}", token)
                    .json().path("moved").asBoolean()).isTrue();
            annFrames.next(LiveFrames.of("READ", conversationId), WAIT);
            JsonNode answer = java.util.stream.StreamSupport.stream(
                    customer.get(conversation, token).json().path("messages").spliterator(), false)
                    .filter(message -> message.path("id").asText().equals(answerId)).findFirst().orElseThrow();
            assertThat(ann.getOk("/api/agent/conversations/" + conversationId).path("customerReadUpTo").asText())
                    .as("the customer read up to the answer").isEqualTo(answer.path("at").asText());
        }
    }

    @Test
    void anUpgradeFromAnotherSitesPageOrWithoutAValidSessionIsRefused(@TempDir Path dir) throws Exception {
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentRoutingApiTest.agent(gateway, boss, "ann", "[\"general\"]", 1);
            AgentClient ann = new AgentClient(gateway.baseUri()).signedIn("ann", "ann long password");

            assertThat(refusal(ann.live("http://evil.example", new LiveFrames()))).isEqualTo(403);
            assertThat(refusal(ann.live("http://127.0.0.1:1", new LiveFrames()))).isEqualTo(403);
            assertThat(refusal(new AgentClient(gateway.baseUri()).live(origin(gateway), new LiveFrames())))
                    .isEqualTo(401);
            AgentClient signedOut = new AgentClient(gateway.baseUri()).signedIn("ann", "ann long password");
            signedOut.postOk("/api/agent/logout", "{}");
            assertThat(refusal(signedOut.live(origin(gateway), new LiveFrames()))).isEqualTo(401);

            HttpJson.Response plain = ann.get("/api/agent/live");
            assertThat(plain.status()).isEqualTo(426);
            assertThat(plain.json().path("error").asText()).isEqualTo("upgrade_required");
            // the same session opens it from the gateway's own page, and without an Origin (no browser)
            ann.live(origin(gateway), new LiveFrames()).get(10, TimeUnit.SECONDS).abort();
            ann.live(null, new LiveFrames()).get(10, TimeUnit.SECONDS).abort();
        }
    }

    @Test
    void behindATlsProxyTheDesktopConnectsFromThePublicAddressAndOtherSitesAreStillRefused(@TempDir Path dir)
            throws Exception {
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of(SwitchboardConfig.PUBLIC_URL, "https://Help.Example.com/"))) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentRoutingApiTest.agent(gateway, boss, "ann", "[\"general\"]", 1);
            AgentClient ann = new AgentClient(gateway.baseUri()).signedIn("ann", "ann long password");

            // the browser's page is https://help.example.com/agent/; the proxy reaches the gateway over plain HTTP
            ann.live("https://help.example.com", new LiveFrames()).get(10, TimeUnit.SECONDS).abort();
            ann.live("https://help.example.com:443", new LiveFrames()).get(10, TimeUnit.SECONDS).abort();
            assertThat(refusal(ann.live("http://help.example.com", new LiveFrames()))).isEqualTo(403);
            assertThat(refusal(ann.live("https://help.example.com.evil.example", new LiveFrames()))).isEqualTo(403);
            assertThat(refusal(ann.live("https://evil.example", new LiveFrames()))).isEqualTo(403);
        }
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of())) {
            AgentClient ann = new AgentClient(gateway.baseUri()).signedIn("ann", "ann long password");
            assertThat(refusal(ann.live("https://help.example.com", new LiveFrames()))).isEqualTo(403);
        }
    }

    @Test
    void anAgentStaysAvailableWhileHisLiveConnectionIsOpenAndTurnsAwayAGracePeriodAfterItCloses(@TempDir Path dir)
            throws Exception {
        try (Gateway gateway = AgentRoutingApiTest.gateway(dir, Map.of(SwitchboardConfig.AWAY_GRACE_SECONDS, "2"))) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = AgentRoutingApiTest.agent(gateway, boss, "ann", "[\"general\"]", 1);
            LiveFrames bossFrames = new LiveFrames();
            boss.live(origin(gateway), bossFrames).get(10, TimeUnit.SECONDS);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            bossFrames.next(frame -> frame.path("type").asText().equals("PRESENCE")
                    && frame.path("agent").asText().equals("ann"), WAIT);
            WebSocket annLive = ann.live(origin(gateway), new LiveFrames()).get(10, TimeUnit.SECONDS);

            // ann's desktop makes no call at all: the open connection alone keeps her present past the grace period
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                    .until(() -> presence(boss, "ann").equals("AVAILABLE"));

            annLive.sendClose(WebSocket.NORMAL_CLOSURE, "desktop closed").get(10, TimeUnit.SECONDS);
            long closedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> presence(boss, "ann").equals("AWAY"));
            assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            bossFrames.next(frame -> frame.path("type").asText().equals("PRESENCE")
                    && frame.path("agent").asText().equals("ann"), WAIT);
        }
    }

    private static int refusal(java.util.concurrent.CompletableFuture<WebSocket> opening) {
        Throwable failure = catchThrowable(() -> opening.get(10, TimeUnit.SECONDS));
        assertThat(failure).as("the upgrade is refused").isNotNull();
        Throwable cause = failure.getCause();
        assertThat(cause).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) cause).getResponse().statusCode();
    }
}
