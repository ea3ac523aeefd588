package dev.switchboard.adapter.twilio;

import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.OutboundSender;
import dev.switchboard.spi.ReplyRenderer;
import dev.switchboard.spi.VoiceDialer;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Twilio adapter started the way the gateway starts it, its servlets on an embedded Jetty on a free port of
 * 127.0.0.1 in front of a {@link RecordingHelpDesk}, and a client that posts webhooks as Twilio does.
 */
final class WebhookServer implements AutoCloseable {
    final RecordingHelpDesk helpDesk = new RecordingHelpDesk();
    final TwilioAdapter adapter = new TwilioAdapter(Clock.systemUTC());
    final List<String> mountedPaths = new ArrayList<>();
    /** The senders the adapter registered, by channel. */
    final Map<Channel, OutboundSender> senders = new java.util.concurrent.ConcurrentHashMap<>();
    /** The dialer the adapter registered, or {@code null}. */
    volatile VoiceDialer dialer;
    /** What the adapter registered to text phones outside any conversation, or {@code null}. */
    volatile dev.switchboard.spi.PhoneTexter phoneTexter;
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookServer(Map<String, String> settings) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        server.setHandler(handler);
        adapter.start(new TestContext(helpDesk, TestSettings.of(settings), handler));
        server.start();
    }

    /** An HTTP answer. */
    record Answer(int status, String contentType, String body) {
    }

    /** Posts {@code form} to {@code path} (with its query) as Twilio would, signed for the public URL with {@code authToken}. */
    Answer postSigned(String path, Map<String, String> form, String authToken) {
        return post(path, form, TwilioSigner.sign(authToken, TestSettings.PUBLIC_URL + path, form));
    }

    /** Posts {@code form} to {@code path} with the given signature header ({@code null}: none). */
    Answer post(String path, Map<String, String> form, String signature) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(path, "application/x-www-form-urlencoded", body, signature);
    }

    Answer send(String path, String contentType, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + connector.getLocalPort() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        adapter.stop();
        server.stop();
    }

    /** What the gateway hands an adapter; {@code mount} adds the servlet to the Jetty context. */
    private final class TestContext implements AdapterContext {
        private final HelpDesk helpDesk;
        private final AdapterSettings settings;
        private final ServletContextHandler handler;

        TestContext(HelpDesk helpDesk, AdapterSettings settings, ServletContextHandler handler) {
            this.helpDesk = helpDesk;
            this.settings = settings;
            this.handler = handler;
        }

        @Override
        public HelpDesk helpDesk() {
            return helpDesk;
        }

        @Override
        public ReplyRenderer renderer() {
            return RecordingHelpDesk.TestRenderer.INSTANCE;
        }

        @Override
        public AdapterSettings settings() {
            return settings;
        }

        @Override
        public void sendsOn(Channel channel, OutboundSender sender) {
            senders.put(channel, sender);
        }

        @Override
        public void textsPhonesWith(dev.switchboard.spi.PhoneTexter texter) {
            phoneTexter = texter;
        }

        @Override
        public void dialsWith(VoiceDialer voiceDialer) {
            dialer = voiceDialer;
        }

        @Override
        public void mount(String pathSpec, HttpServlet servlet) {
            mountedPaths.add(pathSpec);
            handler.addServlet(servlet, pathSpec);
        }
    }
}
