package dev.switchboard.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.Rating;
import dev.switchboard.spi.RatingRequest;
import dev.switchboard.spi.Reply;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The satisfaction question by mail (GreenMail): the mail asks with a link to a small page on the gateway's port (a
 * real Jetty), whose 1-5 scale and comment store a rating once through the help desk; the page escapes what it shows.
 */
class RatingByMailTest {
    private static final String ANNA = "anna@customer.example";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String QUESTION = "How did Ann help you? Reply with a number from 1 (poor) to 5 (very good).";
    private static final Pattern LINK = Pattern.compile("https://help\\.example\\.com(/email/rate/[A-Za-z0-9_-]+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private MailServer server;
    private RecordingHelpDesk helpDesk;
    private StandInGateway gateway;

    @BeforeEach
    void start() throws Exception {
        server = new MailServer();
        helpDesk = new RecordingHelpDesk();
        Map<String, String> settings = new HashMap<>(server.settings());
        settings.put("switchboard.public-url", "https://help.example.com/");
        gateway = StandInGateway.builder().helpDesk(helpDesk).settings(settings).servingHttp().start(new EmailAdapter());
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        server.close();
    }

    /** Anna mails the desk, the desk asks her the question by mail; returns the path of the link it carries. */
    private String askedByMail() throws Exception {
        server.deliverToDesk(Mails.text(ANNA, "Invoice", "Why was I charged twice?", "<q1@customer.example>"));
        await().atMost(WAIT).until(() -> server.mailsTo(ANNA).size() == 1);
        String conversation = helpDesk.conversationIdOf(new EmailAddress(ANNA).key());
        String secret = helpDesk.askRating(conversation);
        gateway.senders().get(Channel.EMAIL).send(new OutboundMessage("m-q", conversation, Channel.EMAIL,
                new EmailAddress(ANNA), Reply.answer(QUESTION, Reply.Source.SYSTEM, List.of()),
                new RatingRequest(secret, "Ann")));
        await().atMost(WAIT).until(() -> server.mailsTo(ANNA).size() == 2);
        MimeMessage mail = server.mailsTo(ANNA).get(1);
        String body = (String) mail.getContent();
        assertThat(body).contains(QUESTION);
        assertThat(mail.getSubject()).isEqualTo("Re: Invoice");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(link.group(1)).isEqualTo("/email/rate/" + secret);
        return link.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String score, String comment) throws Exception {
        String form = (score == null ? "" : "score=" + score + "&") + "comment="
                + URLEncoder.encode(comment, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(gateway.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMailedLinksPageStoresTheRatingWithItsCommentOnce() throws Exception {
        String page = askedByMail();

        HttpResponse<String> form = get(page);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(form.headers().firstValue("Content-Security-Policy")).isPresent();
        for (int score = 1; score <= 5; score++) {
            assertThat(form.body()).contains("name=\"score\" value=\"" + score + "\"");
        }
        assertThat(form.body()).contains("<textarea name=\"comment\"");

        HttpResponse<String> rated = post(page, "5", "Quick & <b>kind</b>");
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(rated.body()).contains("you rated our help 5 of 5");
        assertThat(helpDesk.ratings()).singleElement().satisfies(given -> {
            assertThat(given.rating()).isEqualTo(new Rating(5, "Quick & <b>kind</b>"));
            assertThat(given.channel()).isEqualTo(Channel.EMAIL);
        });

        assertThat(post(page, "1", "").statusCode()).as("answering twice").isEqualTo(404);
        assertThat(get(page).statusCode()).as("the link is no longer open").isEqualTo(404);
        assertThat(helpDesk.ratings()).hasSize(1);
    }

    @Test
    void aBadScoreShowsTheFormAgainWithTheReasonEscapedAndAnUnknownLinkIsNotOpen() throws Exception {
        String page = askedByMail();

        HttpResponse<String> noScore = post(page, null, "<script>alert(1)</script>");
        assertThat(noScore.statusCode()).isEqualTo(400);
        assertThat(noScore.body()).contains("choose a score from 1 to 5")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(post(page, "9", "").statusCode()).isEqualTo(400);
        assertThat(post(page, "4", "x".repeat(Rating.MAX_COMMENT_LENGTH + 1)).statusCode()).isEqualTo(400);
        assertThat(helpDesk.ratings()).isEmpty();

        assertThat(get("/email/rate/not-a-secret-of-ours-at-all").statusCode()).isEqualTo(404);
        assertThat(post("/email/rate/not-a-secret-of-ours-at-all", "5", "").statusCode()).isEqualTo(404);
        assertThat(get(page).statusCode()).as("still open").isEqualTo(200);
        assertThat(URI.create("https://help.example.com" + page).getPath()).isEqualTo(page);
    }
}
