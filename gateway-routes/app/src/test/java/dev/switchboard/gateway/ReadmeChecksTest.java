package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.adapters.AdapterRegistry;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.spi.DeviceAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README is the front door: it must name every setting, module and adapter the code has. */
class ReadmeChecksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    @Test
    void everySettingIsInTheConfigurationTableWithItsVariableAndDefault() throws IOException {
        String readme = readme();
        SwitchboardConfig defaults = SwitchboardConfig.of(Map.of(), Map.of());
        for (String key : defaults.knownKeys()) {
            String variable = SwitchboardConfig.environmentName(key);
            String value = defaults.get(key, "");
            String expectedDefault = value.isEmpty() ? "empty" : "`" + value + "`";
            assertThat(readme).as("README row of " + key)
                    .contains("| `" + variable + "` | `" + key + "` | " + expectedDefault + " |");
        }
    }

    @Test
    void everyModuleFolderIsDescribed() throws IOException {
        String readme = readme();
        try (Stream<Path> adapters = Files.list(ROOT.resolve("device-adapters"))) {
            adapters.filter(dir -> Files.exists(dir.resolve("pom.xml"))).forEach(dir ->
                    assertThat(readme).as("module " + dir.getFileName()).contains("`device-adapters/" + dir.getFileName() + "`"));
        }
        for (String module : new String[] {"renderers", "gateway-routes", "features"}) {
            assertThat(readme).contains("`" + module + "`");
        }
    }

    @Test
    void everyAdapterOnTheClassPathIsNamed() throws IOException {
        String readme = readme();
        for (DeviceAdapter adapter : AdapterRegistry.discover(getClass().getClassLoader())) {
            assertThat(readme).as("adapter " + adapter.id()).contains("adapter `" + adapter.id() + "`");
        }
    }

    @Test
    void theTwoCommandsExistAndCiRunsTheTestCommand() throws IOException {
        String readme = readme();
        assertThat(readme).contains("`scripts/run-gateway`", "`scripts/test-all`");
        assertThat(Files.isExecutable(ROOT.resolve("scripts/run-gateway"))).isTrue();
        assertThat(Files.isExecutable(ROOT.resolve("scripts/test-all"))).isTrue();
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("scripts/test-all");
    }
}
