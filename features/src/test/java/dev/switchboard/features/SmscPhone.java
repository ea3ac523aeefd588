package dev.switchboard.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A phone on the gateway's SMSC simulator, used through its phone page: a text posted there is delivered to the
 * desk over SMPP (deliver_sm), and the desk's texts are what it submitted over SMPP (submit_sm) to that number.
 */
final class SmscPhone {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SmscPhone() {
    }

    /** Sends {@code text} to the desk from {@code number}. */
    static void text(RunningGateway gateway, String number, String text) {
        String form = "number=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(gateway.baseUri().resolve("/smpp/phone"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 303) {
                throw new AssertionError("POST /smpp/phone answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The texts the desk sent to {@code number}, oldest first. */
    static List<String> textsFromDesk(RunningGateway gateway, String number) {
        JsonNode texts = gateway.http()
                .get("/smpp/phone/texts?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8), null).json();
        List<String> fromDesk = new ArrayList<>();
        for (JsonNode text : texts) {
            if (text.path("fromDesk").asBoolean()) {
                fromDesk.add(text.path("text").asText());
            }
        }
        return fromDesk;
    }
}
