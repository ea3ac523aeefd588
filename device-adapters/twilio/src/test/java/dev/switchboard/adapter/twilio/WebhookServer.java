package dev.switchboard.adapter.twilio;

import dev.switchboard.adapter.testkit.TwilioSigner;
import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Twilio adapter started the way the gateway starts it, its servlets on the test kit's stand-in gateway (a real
 * Jetty on a free port of 127.0.0.1) in front of a {@link RecordingHelpDesk} that answers in TwiML, and a client that
 * posts webhooks as Twilio does.
 */
final class WebhookServer implements AutoCloseable {
    final RecordingHelpDesk helpDesk = new RecordingHelpDesk().renderWith(TwimlRenderer.INSTANCE);
    final TwilioAdapter adapter = new TwilioAdapter(Clock.systemUTC());
    final StandInGateway gateway;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookServer(Map<String, String> settings) throws Exception {
        gateway = StandInGateway.builder().helpDesk(helpDesk).renderer(TwimlRenderer.INSTANCE).settings(settings)
                .servingHttp().start(adapter);
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
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path))
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
        gateway.close();
    }
}
