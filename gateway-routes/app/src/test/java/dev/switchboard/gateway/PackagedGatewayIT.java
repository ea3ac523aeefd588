package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.smsc.simulator.PhoneText;
import dev.switchboard.smsc.simulator.SmscSimulator;
import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.testing.FakeTwilioApi;
import dev.switchboard.testing.GatewayProcess;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestMailServer;
import dev.switchboard.testing.TestPostgres;
import dev.switchboard.testing.TwilioWebhooks;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway users run: the shaded jar, started with {@code java -jar} as a process of its own with every channel
 * configured against local stand-ins (an SMSC simulator it binds to over SMPP, GreenMail for IMAP and SMTP, a
 * local HTTP server in place of Twilio's API), on a database of the tests' PostgreSQL as a cluster's node runs, and
 * spoken to over each channel's real protocol. A dependency the tests see but the jar lacks (a JDBC driver, Flyway's
 * support of a database) fails here, at the start or at the first request of its channel. {@code CleanStopIT} runs
 * the jar on its embedded H2 file.
 */
class PackagedGatewayIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> ADAPTERS = List.of("web", "mobile", "itv", "smpp", "wap", "twilio", "email");

    @TempDir
    static Path dataDir;
    private static SmscSimulator smsc;
    private static TestMailServer mail;
    private static FakeTwilioApi twilioApi;
    private static GatewayProcess gateway;
    private static HttpJson http;
    private static String databaseUrl;

    @BeforeAll
    static void startTheJarWithEveryChannel() throws Exception {
        smsc = SmscSimulator.start(0, "desk", "s3cret");
        mail = new TestMailServer();
        twilioApi = new FakeTwilioApi();
        Map<String, String> settings = new HashMap<>();
        settings.putAll(Map.of("switchboard.smpp.host", "127.0.0.1", "switchboard.smpp.port", String.valueOf(smsc.port()),
                "switchboard.smpp.system-id", "desk", "switchboard.smpp.password", "s3cret"));
        settings.putAll(mail.gatewaySettings());
        settings.putAll(TwilioWebhooks.settings(twilioApi.baseUrl()));
        TestPostgres postgres = TestPostgres.shared();
        databaseUrl = postgres.jdbcUrl(postgres.createDatabase());
        settings.putAll(Map.of(SwitchboardConfig.DB_URL, databaseUrl, SwitchboardConfig.DB_USER, postgres.user(),
                SwitchboardConfig.DB_PASSWORD, postgres.password()));
        gateway = GatewayProcess.startJar(dataDir, GatewayProcess.logFile("packaged-gateway"), settings);
        http = gateway.http();
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable a = smsc; AutoCloseable b = mail; AutoCloseable c = twilioApi) {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    @Test
    void everyAdapterIsUpOnTheHealthPage() {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode health = http.get("/health", null).json();
            assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("UP");
            JsonNode adapters = health.path("components").path("adapters");
            assertThat(adapters.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(ADAPTERS);
            for (String adapter : ADAPTERS) {
                assertThat(adapters.path(adapter).path("status").asText()).as(adapter + ": " + adapters.path(adapter))
                        .isEqualTo("UP");
            }
            assertThat(adapters.path("smpp").path("detail").asText()).contains("127.0.0.1:" + smsc.port());
            assertThat(health.path("components").path("database").path("detail").asText()).isEqualTo(databaseUrl);
        });
    }

    @Test
    void aWebVisitorAsksOverTheJsonApi() {
        HttpJson.Response answer = http.postJson("/api/help", "{\"text\": \"What are your opening hours?\"}", null);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("reply").path("text").asText()).contains("9:00");
    }

    @Test
    void aWapPhoneGetsAWmlDeck() {
        WapBrowser phone = WapBrowser.wmlPhone(gateway.baseUri());
        WapBrowser.Page answer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "What are your opening hours?"));
        assertThat(answer.isWml()).as(answer.body()).isTrue();
        assertThat(answer.text()).contains("9:00");
    }

    @Test
    void aTvViewerPressesHelp() {
        HttpJson.Response opened = http.postJson("/tv/api/help", "{\"setTopId\": \"stb-packaged-0001\", \"text\": \"\", "
                + "\"tv\": {\"service\": \"dvb://233a.1004.1044\", \"programme\": \"Evening News\"}}", null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().path("conversationId").asText()).isNotBlank();
    }

    @Test
    void aSignedTwilioWebhookIsAnsweredWithTwimlAndAnUnsignedOneRefused() throws Exception {
        Map<String, String> form = TwilioWebhooks.sms("SM" + "0".repeat(31) + "1", "+15005550100", "What are your opening hours?");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> signed = client.send(TwilioWebhooks.signedPost(gateway.baseUri(), "/twilio/sms", form),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).startsWith("<?xml").contains("<Response>", "9:00");
        HttpResponse<String> forged = client.send(TwilioWebhooks.post(gateway.baseUri(), "/twilio/sms", form, "forged"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aTextThroughTheSmscIsAnsweredBySms() {
        await().atMost(WAIT).until(smsc::hasReceiver);
        smsc.text("+48605000077", "4357", "What are your opening hours?");
        await().atMost(WAIT).until(() -> !smsc.received("+48605000077").isEmpty());
        assertThat(smsc.received("+48605000077")).extracting(PhoneText::text).first().asString().contains("9:00");
    }

    @Test
    void aMailToTheDeskIsAnsweredByMail() {
        mail.mailTheDesk("anna@customer.example", "Opening hours", "What are your opening hours?", "<q-1@customer.example>");
        await().atMost(WAIT).until(() -> !mail.mailsTo("anna@customer.example").isEmpty());
        TestMailServer.Received reply = mail.mailsTo("anna@customer.example").get(0);
        assertThat(reply.inReplyTo()).isEqualTo("<q-1@customer.example>");
        assertThat(reply.text()).contains("9:00");
    }
}
