package dev.switchboard.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The SMSC simulator's phone page ({@code /smpp/phone}), as a newcomer's browser uses it to text the desk. */
public final class PhonePage {
    private PhonePage() {
    }

    /** Texts the desk from {@code number}; returns the page's status (303 when the simulator took the text). */
    public static int text(URI gateway, String number, String text) throws IOException, InterruptedException {
        String form = "number=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/smpp/phone"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
