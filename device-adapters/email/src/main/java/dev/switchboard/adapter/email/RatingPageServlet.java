package dev.switchboard.adapter.email;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.HelpDesk;
import dev.switchboard.spi.HtmlText;
import dev.switchboard.spi.Rating;
import dev.switchboard.spi.RatingOutcome;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small page a mailed satisfaction question links to ({@link RatingLinks}), at {@code /email/rate/<secret>}: GET
 * shows the 1-5 scale and a comment box while the question is asked; POST (a form: {@code score}, {@code comment})
 * stores the rating through {@link HelpDesk#rateByLink} and thanks the customer. A bad score or a comment that is too
 * long shows the form again with the reason (400); a link that is unknown, answered or no longer asked says so (404),
 * the same page for each. Everything shown is HTML-escaped; the page loads nothing and runs no script.
 */
final class RatingPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RatingPageServlet.class);
    private static final String NOT_OPEN = "This question is not open: it was answered already, or the link is not known.";

    private final transient HelpDesk helpDesk;

    RatingPageServlet(HelpDesk helpDesk) {
        this.helpDesk = helpDesk;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String secret = secret(request);
        if (secret == null || !helpDesk.ratingAskedByLink(secret)) {
            page(response, 404, "<p>" + NOT_OPEN + "</p>");
            return;
        }
        page(response, 200, form(null, ""));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String secret = secret(request);
        String comment = request.getParameter("comment") == null ? "" : request.getParameter("comment");
        Rating rating;
        try {
            rating = new Rating(score(request.getParameter("score")), comment);
        } catch (IllegalArgumentException e) {
            LOG.warn("POST {}... refused: {}", RatingLinks.PATH, e.getMessage());
            page(response, 400, form(e.getMessage(), comment));
            return;
        }
        RatingOutcome outcome = secret == null ? RatingOutcome.notFound()
                : helpDesk.rateByLink(secret, Channel.EMAIL, rating, null);
        if (outcome.status() != RatingOutcome.Status.RECORDED) {
            page(response, 404, "<p>" + NOT_OPEN + "</p>");
            return;
        }
        page(response, 200, "<p>Thank you: you rated our help " + outcome.rating().score() + " of 5.</p>");
    }

    private static int score(String value) {
        if (value == null || !value.strip().matches("[0-9]")) {
            throw new IllegalArgumentException("choose a score from " + Rating.LOWEST + " to " + Rating.HIGHEST);
        }
        return Integer.parseInt(value.strip());
    }

    /** The secret of the path, when it looks like one (URL-safe Base64, at most 100 characters). */
    private static String secret(HttpServletRequest request) {
        String path = request.getPathInfo();
        String secret = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        return secret.matches("[A-Za-z0-9_-]{16,100}") ? secret : null;
    }

    private static String form(String problem, String comment) {
        StringBuilder html = new StringBuilder();
        if (problem != null) {
            html.append("<p role=\"alert\">").append(HtmlText.escape(problem)).append("</p>");
        }
        html.append("<form method=\"post\"><fieldset><legend>How did we help you?</legend>");
        for (int score = Rating.LOWEST; score <= Rating.HIGHEST; score++) {
            html.append("<label><input type=\"radio\" name=\"score\" value=\"").append(score).append("\" required> ")
                    .append(score).append(score == Rating.LOWEST ? " (poor)" : score == Rating.HIGHEST ? " (very good)" : "")
                    .append("</label> ");
        }
        html.append("</fieldset><label>Comment (optional)<br><textarea name=\"comment\" maxlength=\"")
                .append(Rating.MAX_COMMENT_LENGTH).append("\" rows=\"4\" cols=\"40\">").append(HtmlText.escape(comment))
                .append("</textarea></label><p><button type=\"submit\">Send</button></p></form>");
        return html.toString();
    }

    private static void page(HttpServletResponse response, int status, String body) throws IOException {
        byte[] bytes = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Rate the help you got</title></head><body><h1>Rate the help you got</h1>" + body
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

}
