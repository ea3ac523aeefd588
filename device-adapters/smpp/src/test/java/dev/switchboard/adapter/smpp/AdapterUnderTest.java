package dev.switchboard.adapter.smpp;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.PhoneTexter;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ReplyRenderer;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The SMPP adapter started as the gateway starts it: with the gateway's own defaults from
 * {@code switchboard.properties}, the test's overrides, a help desk and a renderer that writes the reply's text.
 */
final class AdapterUnderTest implements AutoCloseable {
    private static final Path DEFAULTS = Path.of("../../gateway-routes/app/src/main/resources/switchboard.properties");

    final SmppAdapter adapter = new SmppAdapter();
    final Map<String, HttpServlet> mounted = new HashMap<>();
    /** What the adapter registered to text phones outside any conversation, or {@code null}. */
    volatile PhoneTexter phoneTexter;

    private AdapterUnderTest() {
    }

    /** The gateway's defaults with {@code overrides} on top. */
    static Map<String, String> settings(Path dataDir, Map<String, String> overrides) {
        Properties defaults = new Properties();
        try (InputStream in = Files.newInputStream(DEFAULTS)) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        defaults.stringPropertyNames().forEach(key -> values.put(key, defaults.getProperty(key)));
        values.put("switchboard.data.dir", dataDir.toString());
        values.put("switchboard.smpp.reconnect-min-millis", "100");
        values.put("switchboard.smpp.reconnect-max-millis", "400");
        values.put("switchboard.smpp.send-rate", "0");
        values.putAll(overrides);
        return values;
    }

    /** Starts the adapter bound to the SMSC on 127.0.0.1:{@code smscPort}. */
    static AdapterUnderTest start(HelpDesk helpDesk, Path dataDir, int smscPort, Map<String, String> overrides)
            throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("switchboard.smpp.host", "127.0.0.1",
                "switchboard.smpp.port", String.valueOf(smscPort)));
        values.putAll(overrides);
        return startWith(helpDesk, settings(dataDir, values));
    }

    static AdapterUnderTest startWith(HelpDesk helpDesk, Map<String, String> values) throws Exception {
        AdapterUnderTest started = new AdapterUnderTest();
        AdapterSettings settings = key -> Optional.ofNullable(values.get(key));
        ReplyRenderer renderer = new ReplyRenderer() {
            @Override
            public RenderedReply render(DeviceProfile profile, Reply reply) {
                return new RenderedReply(profile.contentType(), reply.text());
            }
        };
        started.adapter.start(new AdapterContext() {
            @Override
            public HelpDesk helpDesk() {
                return helpDesk;
            }

            @Override
            public ReplyRenderer renderer() {
                return renderer;
            }

            @Override
            public AdapterSettings settings() {
                return settings;
            }

            @Override
            public void mount(String pathSpec, HttpServlet servlet) {
                started.mounted.put(pathSpec, servlet);
            }

            @Override
            public void textsPhonesWith(PhoneTexter texter) {
                started.phoneTexter = texter;
            }
        });
        return started;
    }

    @Override
    public void close() {
        adapter.stop();
    }
}
