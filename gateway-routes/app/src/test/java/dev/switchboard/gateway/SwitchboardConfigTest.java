package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
