package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.config.BadSetting;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.testing.GatewayProcess;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.Ports;
import dev.switchboard.testing.TestGateways;
import dev.switchboard.testing.TestPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database a cluster shares: a gateway runs on PostgreSQL, and keeps there what a node started afresh reads;
 * cluster members on the embedded H2 file are refused before anything starts.
 */
class SharedDatabaseTest {
    private static final String REFUSAL = "switchboard.cluster.members is set, but every node of a cluster must use"
            + " the same shared database: set switchboard.db.url (SWITCHBOARD_DB_URL) to jdbc:postgresql://";

    @Test
    void aGatewayRunsOnPostgreSqlAndANodeStartedAfreshReadsWhatItStored(@TempDir Path dir) throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.createDatabase();
        Map<String, String> settings = Map.of(SwitchboardConfig.DB_URL, postgres.jdbcUrl(database),
                SwitchboardConfig.DB_USER, postgres.user(), SwitchboardConfig.DB_PASSWORD, postgres.password());
        String conversationId;
        String token;
        try (Gateway gateway = TestGateways.start(dir.resolve("first"), settings)) {
            HttpJson http = new HttpJson(gateway.baseUri());
            JsonNode health = http.get("/health", null).json().path("components").path("database");
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("detail").asText()).isEqualTo(postgres.jdbcUrl(database));

            HttpJson.Response help = http.postJson("/api/help", "{\"text\": \"Is my parcel on its way?\"}", null);
            assertThat(help.status()).isEqualTo(201);
            conversationId = help.json().path("conversationId").asText();
            token = help.json().path("customerToken").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> messagesInPostgres(postgres, database, conversationId),
                    texts -> texts.contains("Is my parcel on its way?"));
        }

        // another data directory: no journal, nothing of the first node's but what PostgreSQL has
        try (Gateway afresh = TestGateways.start(dir.resolve("second"), settings)) {
            HttpJson.Response thread = new HttpJson(afresh.baseUri()).get("/api/conversations/" + conversationId, token);
            assertThat(thread.status()).isEqualTo(200);
            assertThat(thread.json().path("messages").get(0).path("text").asText()).isEqualTo("Is my parcel on its way?");
            assertThat(thread.json().path("messages")).hasSize(2);
        } finally {
            postgres.dropDatabase(database);
        }
    }

    @Test
    void clusterMembersOnTheEmbeddedFileAreRefusedBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        int hazelcastPort = Ports.free();
        Path dataDir = dir.resolve("node");
        SwitchboardConfig config = TestGateways.config(dataDir, Map.of(
                SwitchboardConfig.CLUSTER_MEMBERS, "127.0.0.1:" + Ports.free(),
                SwitchboardConfig.HAZELCAST_PORT, String.valueOf(hazelcastPort)));

        assertThatThrownBy(() -> Gateway.start(config)).isInstanceOf(BadSetting.class).hasMessageStartingWith(REFUSAL);

        assertThat(dataDir).as("no database was opened").doesNotExist();
        try (ServerSocket free = new ServerSocket(hazelcastPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(free.getLocalPort()).as("no Hazelcast member started").isEqualTo(hazelcastPort);
        }
    }

    @Test
    void theRefusedProcessSaysWhatItNeedsInOneLineAndExits(@TempDir Path dir) throws Exception {
        Path log = GatewayProcess.logFile("cluster-on-embedded-file");

        int exit = GatewayProcess.runUntilExit(dir.resolve("node"), log,
                Map.of(SwitchboardConfig.CLUSTER_MEMBERS, "127.0.0.1:" + Ports.free()), Duration.ofSeconds(60));

        assertThat(exit).isEqualTo(1);
        List<String> refusals = Files.readAllLines(log).stream().filter(line -> line.contains("could not start")).toList();
        assertThat(refusals).singleElement().asString().contains("Switchboard could not start: " + REFUSAL);
        assertThat(Files.readString(log)).as("no stack trace").doesNotContain("\tat ");
    }

    private static List<String> messagesInPostgres(TestPostgres postgres, String database, String conversationId)
            throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
             PreparedStatement select = connection.prepareStatement(
                     "SELECT body FROM messages WHERE conversation_id = ? ORDER BY seq")) {
            select.setString(1, conversationId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
        }
        return texts;
    }
}
