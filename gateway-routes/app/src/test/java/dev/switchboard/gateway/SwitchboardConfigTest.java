package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.gateway.config.BadSetting;
import dev.switchboard.gateway.config.SwitchboardConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwitchboardConfigTest {

    @Test
    void defaultsRunOnOneMachineWithNothingElse() {
        SwitchboardConfig config = SwitchboardConfig.of(Map.of(), Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.hazelcastPort()).isEqualTo(5701);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.clusterMembers()).isEmpty();
    }

    @Test
    void environmentVariablesOverrideTheDefaults() {
        SwitchboardConfig config = SwitchboardConfig.of(Map.of(
                "SWITCHBOARD_HTTP_PORT", "9090",
                "SWITCHBOARD_DATA_DIR", "/var/lib/switchboard",
                "SWITCHBOARD_HAZELCAST_PORT", "5801",
                "SWITCHBOARD_CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5701",
                "SWITCHBOARD_KNOWLEDGE_BASE", "/etc/kb.json"), Map.of());

        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/switchboard"));
        assertThat(config.hazelcastPort()).isEqualTo(5801);
        assertThat(config.clusterMembers()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
        assertThat(config.get(SwitchboardConfig.KNOWLEDGE_BASE)).contains("/etc/kb.json");
    }

    @Test
    void aConfigFileSitsBetweenDefaultsAndEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("switchboard.properties");
        Files.writeString(file, "switchboard.http.port=7070\nswitchboard.hazelcast.port=5999\n");

        SwitchboardConfig config = SwitchboardConfig.of(
                Map.of("SWITCHBOARD_CONFIG", file.toString(), "SWITCHBOARD_HAZELCAST_PORT", "6001"), Map.of());

        assertThat(config.httpPort()).isEqualTo(7070);
        assertThat(config.hazelcastPort()).isEqualTo(6001);
    }

    @Test
    void aClusterIsRefusedOnADatabaseOfOneNode() {
        Map<String, String> members = Map.of("SWITCHBOARD_CLUSTER_MEMBERS", "10.0.0.2:5701");
        String needed = "switchboard.cluster.members is set, but every node of a cluster must use the same shared"
                + " database: set switchboard.db.url (SWITCHBOARD_DB_URL) to jdbc:postgresql://host:port/database"
                + " with switchboard.db.user and switchboard.db.password (SWITCHBOARD_DB_USER, SWITCHBOARD_DB_PASSWORD)";

        assertThatThrownBy(() -> SwitchboardConfig.of(members, Map.of()).checkClusterDatabase())
                .isInstanceOf(BadSetting.class).hasMessage(needed);
        assertThatThrownBy(() -> SwitchboardConfig.of(members,
                Map.of(SwitchboardConfig.DB_URL, "jdbc:h2:file:/var/lib/switchboard/db")).checkClusterDatabase())
                .isInstanceOf(BadSetting.class).hasMessage(needed);

        SwitchboardConfig.of(members, Map.of(SwitchboardConfig.DB_URL, "jdbc:postgresql://db:5432/switchboard"))
                .checkClusterDatabase();
        SwitchboardConfig.of(Map.of(), Map.of()).checkClusterDatabase();
    }

    @Test
    void badValuesAreNamedByTheirVariable() {
        assertThatThrownBy(() -> SwitchboardConfig.of(Map.of("SWITCHBOARD_HTTP_PORT", "eighty"), Map.of()).httpPort())
                .hasMessageContaining("switchboard.http.port").hasMessageContaining("eighty");
        assertThatThrownBy(() -> SwitchboardConfig.of(Map.of("SWITCHBOARD_HTTP_PORT", "70000"), Map.of()).httpPort())
                .hasMessageContaining("SWITCHBOARD_HTTP_PORT");
        assertThatThrownBy(() -> SwitchboardConfig.of(Map.of("SWITCHBOARD_CLUSTER_MEMBERS", "nohost"), Map.of())
                .clusterMembers()).hasMessageContaining("SWITCHBOARD_CLUSTER_MEMBERS");
        assertThatThrownBy(() -> SwitchboardConfig.of(Map.of("SWITCHBOARD_CONFIG", "/no/such/file"), Map.of()))
                .hasMessageContaining("/no/such/file");
    }
}
