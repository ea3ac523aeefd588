package dev.switchboard.adapter.testkit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The settings the gateway starts adapters with: its {@code switchboard.properties}, as the source tree has it. */
public final class GatewayDefaults {
    private static final Path FILE = Path.of("gateway-routes", "app", "src", "main", "resources", "switchboard.properties");

    private GatewayDefaults() {
    }

    /** The gateway's defaults, in a map the caller may change. */
    public static Map<String, String> read() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(locate(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    /** Tests run in their own module's folder; the file is looked for from there up to the project's root. */
    private static Path locate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the gateway's defaults (" + FILE + ") are in no folder from " + start + " up");
    }
}
