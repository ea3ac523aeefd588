package dev.switchboard.adapter.email;

import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.spi.RatingRequest;

/**
 * Where a mailed satisfaction question's page is: {@code <public URL>/email/rate/<the question's secret>}, the secret
 * being 256 random bits only the customer's mail holds ({@link RatingRequest#linkToken()}). The public URL is
 * {@code switchboard.public-url}, else {@code http://localhost:<switchboard.http.port>}.
 */
final class RatingLinks {
    static final String PATH = "/email/rate/";
    static final String PUBLIC_URL = "switchboard.public-url";
    static final String HTTP_PORT = "switchboard.http.port";

    private final String base;

    RatingLinks(AdapterSettings settings) {
        String publicUrl = settings.get(PUBLIC_URL, "").strip();
        String url = publicUrl.isEmpty() ? "http://localhost:" + settings.get(HTTP_PORT, "8080").strip() : publicUrl;
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The page of one question. */
    String of(RatingRequest request) {
        return base + PATH + request.linkToken();
    }

    /** The text the mail adds below the question. */
    String invitation(RatingRequest request) {
        return "Or rate it on this page, with a comment if you like:\n" + of(request);
    }
}
