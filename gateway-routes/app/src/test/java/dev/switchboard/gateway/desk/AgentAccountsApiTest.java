package dev.switchboard.gateway.desk;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.TestGateways;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Accounts and sign-in of the agent desk, through the agent API of a whole gateway. */
class AgentAccountsApiTest {
    static final Map<String, String> FAST_HASH = Map.of(SwitchboardConfig.PASSWORD_HASH_COST, "4");
    private static final String MANAGER_PASSWORD = "correct horse battery";

    static Gateway gatewayWithManager(Path dir) throws Exception {
        return TestGateways.start(dir, Map.of(SwitchboardConfig.PASSWORD_HASH_COST, "4",
                SwitchboardConfig.FIRST_MANAGER, "boss", SwitchboardConfig.FIRST_MANAGER_PASSWORD, MANAGER_PASSWORD));
    }

    @Test
    void theFirstStartPrintsAOneTimeSecretThatMustBeReplacedBeforeAnythingElse(@TempDir Path dir) throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(Gateway.class);
        log.start();
        logger.addAppender(log);
        String secret;
        try (Gateway gateway = TestGateways.start(dir, FAST_HASH)) {
            String printed = log.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("one-time")).findFirst().orElseThrow();
            Matcher matcher = Pattern.compile("\\n\\s+(\\S{40,})\\n").matcher(printed);
            assertThat(matcher.find()).as(printed).isTrue();
            secret = matcher.group(1);

            AgentClient manager = new AgentClient(gateway.baseUri());
            HttpJson.Response signedIn = manager.login("manager", secret);
            assertThat(signedIn.status()).isEqualTo(200);
            assertThat(signedIn.json().path("passwordChangeRequired").asBoolean()).isTrue();
            HttpJson.Response blocked = manager.get("/api/agent/accounts");
            assertThat(blocked.status()).isEqualTo(403);
            assertThat(blocked.json().path("error").asText()).isEqualTo("password_change_required");

            manager.postOk("/api/agent/password",
                    "{\"current\": " + HttpJson.quote(secret) + ", \"password\": \"a much better password\"}");
            assertThat(manager.get("/api/agent/accounts").status()).isEqualTo(200);
            assertThat(new AgentClient(gateway.baseUri()).login("manager", secret).status()).isEqualTo(401);
        } finally {
            logger.detachAppender(log);
        }
        log.list.clear();
        logger.addAppender(log);
        try (Gateway again = TestGateways.start(dir, FAST_HASH)) {
            assertThat(log.list).noneMatch(e -> e.getFormattedMessage().contains("one-time"));
            assertThat(new AgentClient(again.baseUri()).login("manager", "a much better password").status())
                    .isEqualTo(200);
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void aManagerCreatesAnAgentWhoSignsInAndKeepsHisAccountAcrossARestart(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gatewayWithManager(dir)) {
            AgentClient manager = new AgentClient(gateway.baseUri()).signedIn("boss", MANAGER_PASSWORD);
            HttpJson.Response created = manager.post("/api/agent/accounts", """
                    {"username": "ann", "displayName": "Ann Smith", "password": "ann's long password",
                     "skills": ["billing", "general"], "teams": ["tier-2"], "capacity": 3}""");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.body()).doesNotContain("password");

            AgentClient ann = new AgentClient(gateway.baseUri()).signedIn("ann", "ann's long password");
            assertThat(ann.getOk("/api/agent/me").path("account").path("skills").toString())
                    .isEqualTo("[\"billing\",\"general\"]");
            assertThat(ann.post("/api/agent/accounts", """
                    {"username": "eve", "password": "eve's long password"}""").status()).isEqualTo(403);

            manager.postOk("/api/agent/accounts/ann", "{\"capacity\": 5, \"teams\": [\"tier-3\"],"
                    + " \"phone\": \"+44 20 7946 0018\", \"email\": \"Ann@Example.com\"}");
            assertThat(ann.getOk("/api/agent/me").path("account").path("capacity").asInt()).isEqualTo(5);
            HttpJson.Response badPhone = manager.post("/api/agent/accounts/ann", "{\"phone\": \"020 7946 0018\"}");
            assertThat(badPhone.status()).isEqualTo(400);
            assertThat(badPhone.json().path("message").asText()).contains("international form");
            assertThat(manager.post("/api/agent/accounts", """
                    {"username": "ann", "password": "another long password"}""").status()).isEqualTo(409);
            assertThat(manager.post("/api/agent/accounts", """
                    {"username": "bob", "password": "short"}""").json().path("message").asText())
                    .contains("at least 10 characters");
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("switchboard"), "sa", "");
             ResultSet row = db.createStatement().executeQuery(
                     "SELECT password_hash FROM agent_accounts WHERE username = 'ann'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).startsWith("$2").doesNotContain("ann's");
        }
        try (Gateway again = gatewayWithManager(dir)) {
            AgentClient ann = new AgentClient(again.baseUri()).signedIn("ann", "ann's long password");
            JsonNode account = ann.getOk("/api/agent/me").path("account");
            assertThat(account.path("teams").toString()).isEqualTo("[\"tier-3\"]");
            assertThat(account.path("phone").asText()).as("kept in E.164 across the restart").isEqualTo("+442079460018");
            assertThat(account.path("email").asText()).isEqualTo("Ann@example.com");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndChangesNeedTheCsrfToken(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gatewayWithManager(dir)) {
            AgentClient manager = new AgentClient(gateway.baseUri());
            HttpResponse<String> signIn = manager.raw(HttpRequest.newBuilder(gateway.baseUri().resolve("/api/agent/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\": \"boss\", \"password\": \"" + MANAGER_PASSWORD + "\"}")).build());
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).startsWith("switchboard_agent=").contains("HttpOnly", "SameSite=Strict", "Path=/");

            String body = "{\"username\": \"cat\", \"password\": \"cat's long password\"}";
            HttpJson.Response noToken = manager.postWithCsrf("/api/agent/accounts", body, null);
            assertThat(noToken.status()).isEqualTo(403);
            assertThat(noToken.json().path("error").asText()).isEqualTo("csrf");
            assertThat(manager.postWithCsrf("/api/agent/accounts", body, "forged").status()).isEqualTo(403);
            String csrf = new com.fasterxml.jackson.databind.ObjectMapper().readTree(signIn.body()).path("csrfToken").asText();
            assertThat(manager.postWithCsrf("/api/agent/accounts", body, csrf).status()).isEqualTo(201);

            manager.postWithCsrf("/api/agent/logout", "{}", csrf);
            assertThat(manager.get("/api/agent/me").status()).isEqualTo(401);
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswer(@TempDir Path dir) throws Exception {
        try (Gateway gateway = gatewayWithManager(dir)) {
            HttpJson.Response wrong = new AgentClient(gateway.baseUri()).login("boss", "not the password");
            HttpJson.Response unknown = new AgentClient(gateway.baseUri()).login("nobody", "not the password");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(wrong.body()).isEqualTo(unknown.body());
            assertThat(new AgentClient(gateway.baseUri()).get("/api/agent/me").status()).isEqualTo(401);
            HttpJson.Response form = new HttpJson(gateway.baseUri()).send(HttpRequest.newBuilder(
                            gateway.baseUri().resolve("/api/agent/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=boss&password=x")).build());
            assertThat(form.status()).isEqualTo(415);
        }
    }
}
