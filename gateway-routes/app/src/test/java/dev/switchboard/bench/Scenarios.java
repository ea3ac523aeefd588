package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.bench.ClosedLoop.Scenario;
import dev.switchboard.bench.HttpDriver.BenchRequest;
import dev.switchboard.bench.HttpDriver.Reply;
import dev.switchboard.testing.TwilioWebhooks;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The requests the virtual clients send. */
final class Scenarios {
    /** Questions the demo knowledge base answers, as a customer would type them. */
    private static final List<String> QUESTIONS = List.of(
            "What are your opening hours?",
            "I forgot my password",
            "How much does roaming cost?",
            "Where can I find my bill?");
    private static final List<String> FOLLOW_UPS = List.of(
            "And are you open on Sunday?",
            "How much is roaming abroad?",
            "Where can I download my invoice?",
            "My password is not working");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Scenarios() {
    }

    /**
     * {@code POST /api/help} from a new visitor every time: a distinct visitor id per request, so that the hub
     * creates a customer, an address link, a conversation and an idempotency record each time (the full write
     * path). The bare baseline gets the very same requests.
     */
    static Scenario newVisitors(URI helpUri, String runId) {
        AtomicLong sequence = new AtomicLong();
        return client -> {
            long n = sequence.getAndIncrement();
            String visitorId = "bench-" + runId + "-" + client + "-" + n;
            return new BenchRequest(helpUri, helpBody(QUESTIONS.get((int) (n % QUESTIONS.size())), visitorId), null);
        };
    }

    /** What a WAP 1.x phone's browser accepts. */
    static final String WML_ACCEPT = "text/vnd.wap.wml, image/vnd.wap.wbmp";
    static final String FORM = "application/x-www-form-urlencoded";

    /**
     * {@code POST /wap/ask} from a new WML phone every time (no session yet), as the question card posts it: the
     * question and a form key that is new every time. The hub creates an anonymous customer, his conversation and
     * an idempotency record, and the adapter a WAP session, then answers with a WML deck. The bare baseline gets
     * the very same requests.
     */
    static Scenario newPhones(URI askUri, String runId) {
        AtomicLong sequence = new AtomicLong();
        return client -> {
            long n = sequence.getAndIncrement();
            String question = QUESTIONS.get((int) (n % QUESTIONS.size()));
            String form = "q=" + URLEncoder.encode(question, StandardCharsets.UTF_8) + "&k=bench" + runId + "x" + client + "x" + n;
            return new BenchRequest(askUri, form.getBytes(StandardCharsets.UTF_8), FORM, Map.of("Accept", WML_ACCEPT));
        };
    }

    /**
     * Twilio's SMS webhook ({@code POST /twilio/sms}) from a new number every time, each with its own MessageSid
     * and signed as Twilio signs it when it calls {@link TwilioWebhooks#PUBLIC_URL}: the hub checks the signature,
     * then creates a customer, an address link, a conversation and an idempotency record (the full write path) and
     * answers in TwiML. The bare baseline gets the very same requests.
     */
    static Scenario twilioWebhooks(URI smsUri, String runId) {
        AtomicLong sequence = new AtomicLong();
        String signedUrl = TwilioWebhooks.PUBLIC_URL + smsUri.getPath();
        return client -> {
            long n = sequence.getAndIncrement();
            Map<String, String> form = TwilioWebhooks.sms(String.format(Locale.ROOT, "SM%s%024d", runId, n),
                    String.format(Locale.ROOT, "+4477%09d", n), QUESTIONS.get((int) (n % QUESTIONS.size())));
            return new BenchRequest(smsUri, TwilioWebhooks.encode(form).getBytes(StandardCharsets.UTF_8), FORM,
                    Map.of(TwilioWebhooks.SIGNATURE_HEADER, TwilioWebhooks.sign(TwilioWebhooks.AUTH_TOKEN, signedUrl, form)));
        };
    }

    static byte[] helpBody(String text, String visitorId) {
        return ("{\"text\": \"" + text + "\", \"visitorId\": \"" + visitorId + "\","
                + " \"context\": {\"locale\": \"en-GB\", \"pageUrl\": \"https://shop.example/help\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A returning customer: his conversation and the token he was given. */
    record Customer(String conversationId, String token) {
    }

    /**
     * Opens one conversation per client (through {@code POST /api/help}, all at once), then returns the
     * scenario in which each client posts follow-ups to its own conversation with its token:
     * {@code POST /api/conversations/{id}/messages}, {@code Authorization: Bearer <token>}.
     */
    static Scenario followUps(HttpDriver driver, URI base, int clients, String runId) throws Exception {
        List<CompletableFuture<Reply>> opened = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            CompletableFuture<Reply> reply = new CompletableFuture<>();
            driver.send(new BenchRequest(base.resolve("/api/help"),
                    helpBody("Hello, I have a question", "bench-" + runId + "-returning-" + client), null),
                    reply::complete);
            opened.add(reply);
        }
        Customer[] customers = new Customer[clients];
        for (int client = 0; client < clients; client++) {
            Reply reply = opened.get(client).get(HttpDriver.REQUEST_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
            if (!reply.ok()) {
                throw new IllegalStateException("opening the conversation of returning customer " + client
                        + " failed: " + reply.describe());
            }
            JsonNode body = JSON.readTree(reply.body());
            customers[client] = new Customer(body.path("conversationId").asText(), body.path("customerToken").asText());
        }
        URI[] uris = new URI[clients];
        for (int client = 0; client < clients; client++) {
            uris[client] = base.resolve("/api/conversations/" + customers[client].conversationId() + "/messages");
        }
        AtomicLong sequence = new AtomicLong();
        return client -> {
            String text = FOLLOW_UPS.get((int) (sequence.getAndIncrement() % FOLLOW_UPS.size()));
            return new BenchRequest(uris[client], ("{\"text\": \"" + text + "\"}").getBytes(StandardCharsets.UTF_8),
                    customers[client].token());
        };
    }
}
