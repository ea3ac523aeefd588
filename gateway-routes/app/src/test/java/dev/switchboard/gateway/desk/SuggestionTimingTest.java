package dev.switchboard.gateway.desk;

import static dev.switchboard.gateway.desk.AgentRoutingApiTest.BOSS_PASSWORD;
import static dev.switchboard.gateway.desk.AgentRoutingApiTest.agent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.hub.knowledge.KnowledgeBase;
import dev.switchboard.hub.knowledge.json.KnowledgeBaseLoader;
import dev.switchboard.testing.AgentClient;
import dev.switchboard.testing.HttpJson;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a suggestion takes with a knowledge base of 100 articles (the 23 demo articles and 77 made of a fixed
 * vocabulary): the ranking alone, and a whole {@code GET /api/agent/conversations/{id}/suggestions} over loopback
 * HTTP (session check, the thread's newest page, the ranking, JSON), beside the conversation's own read
 * ({@code GET /api/agent/conversations/{id}}) in the same loop. A bounded loop that reports its figures in the
 * log ({@code SUGGESTION TIMING}) and asserts nothing about them: the build machine is shared.
 */
class SuggestionTimingTest {
    private static final Logger LOG = LoggerFactory.getLogger(SuggestionTimingTest.class);
    private static final int ARTICLES = 100;
    private static final int RANKINGS = 20_000;
    private static final int REQUESTS = 500;
    private static final List<String> WORDS = List.of("router", "invoice", "modem", "warranty", "antenna", "cable",
            "satellite", "upgrade", "contract", "voucher", "printer", "headset", "charger", "battery", "screen",
            "keyboard", "firmware", "licence", "mailbox", "account", "tariff", "signal", "coverage", "tablet",
            "camera", "speaker", "receipt", "payment", "discount", "delivery", "parcel", "refund", "booking",
            "appointment", "technician", "installation", "password", "login", "profile", "address");
    private static final List<String> VERBS = List.of("replace", "activate", "configure", "cancel", "renew",
            "transfer", "repair", "register", "update", "return");

    /** The demo articles and made ones up to {@link #ARTICLES}, as a knowledge-base file. */
    private static Path knowledgeBase(Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root;
        try (InputStream demo = KnowledgeBaseLoader.class.getClassLoader().getResourceAsStream("knowledge-base.json")) {
            root = (ObjectNode) json.readTree(demo);
        }
        ArrayNode articles = (ArrayNode) root.path("articles");
        Random random = new Random(19);
        for (int i = articles.size(); i < ARTICLES; i++) {
            String noun = WORDS.get(random.nextInt(WORDS.size()));
            String other = WORDS.get(random.nextInt(WORDS.size()));
            String verb = VERBS.get(random.nextInt(VERBS.size()));
            ObjectNode article = articles.addObject();
            article.put("id", "made-" + i);
            article.put("topic", verb + " " + noun + " " + other + " " + i);
            article.put("question", "How do I " + verb + " my " + noun + " with the " + other + "?");
            article.putArray("phrasings").add("I need to " + verb + " the " + noun)
                    .add(noun + " " + other + " problem").add("Can you " + verb + " my " + other + "?");
            article.put("answer", "To " + verb + " your " + noun + ", open the app and choose " + other + ".");
            article.putArray("tags").add(noun).add(other).add("lang:en");
        }
        Path file = dir.resolve("knowledge-base-100.json");
        json.writeValue(file.toFile(), root);
        return file;
    }

    private static String micros(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.1f µs", sorted[(int) Math.min(sorted.length - 1, quantile * sorted.length)] / 1000.0);
    }

    @Test
    void reportsHowLongASuggestionTakesWithAHundredArticles(@TempDir Path dir) throws Exception {
        Path file = knowledgeBase(dir);
        KnowledgeBase kb = KnowledgeBaseLoader.fromPath(file);
        assertThat(kb.articles()).hasSize(ARTICLES);
        String text = "Hello, what are your opening hours on Saturday? I want to return my router.";
        Map<String, Integer> chosen = Map.of("opening-hours", 3, "returns-refunds", 1);

        long[] rankings = new long[RANKINGS];
        for (int i = 0; i < RANKINGS; i++) {
            long started = System.nanoTime();
            assertThat(kb.bestMatches(text, Locale.ENGLISH, null, null, 3, chosen)).isNotEmpty();
            rankings[i] = System.nanoTime() - started;
        }

        try (Gateway gateway = AgentRoutingApiTest.gateway(dir.resolve("gateway"),
                Map.of(SwitchboardConfig.KNOWLEDGE_BASE, file.toString()))) {
            AgentClient boss = new AgentClient(gateway.baseUri()).signedIn("boss", BOSS_PASSWORD);
            AgentClient ann = agent(gateway, boss, "ann", "[\"general\"]", 1);
            ann.postOk("/api/agent/presence", "{\"presence\": \"available\"}");
            new HttpJson(gateway.baseUri()).postJson("/api/help", "{\"text\": \"" + text + "\"}", null);
            String conversation = "/api/agent/conversations/" + ann.claimNextOffer();
            long[] requests = new long[REQUESTS];
            long[] baseline = new long[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                long started = System.nanoTime();
                assertThat(ann.getOk(conversation + "/suggestions").path("suggestions").size()).isBetween(1, 3);
                requests[i] = System.nanoTime() - started;
                started = System.nanoTime();
                assertThat(ann.getOk(conversation).path("messages").size()).isPositive();
                baseline[i] = System.nanoTime() - started;
            }
            // The first half warms the JIT up; the figures are of the second half of each loop.
            long[] rankingsMeasured = Arrays.copyOfRange(rankings, RANKINGS / 2, RANKINGS);
            long[] requestsMeasured = Arrays.copyOfRange(requests, REQUESTS / 2, REQUESTS);
            long[] baselineMeasured = Arrays.copyOfRange(baseline, REQUESTS / 2, REQUESTS);
            LOG.info("SUGGESTION TIMING, {} articles: the ranking alone median {}, p99 {} ({} calls measured); "
                    + "GET .../suggestions over loopback HTTP median {}, p99 {}; beside it GET /api/agent/conversations/{id} "
                    + "median {}, p99 {} ({} requests of each measured, one client, alternating)",
                    ARTICLES, micros(rankingsMeasured, 0.5), micros(rankingsMeasured, 0.99), rankingsMeasured.length,
                    micros(requestsMeasured, 0.5), micros(requestsMeasured, 0.99), micros(baselineMeasured, 0.5),
                    micros(baselineMeasured, 0.99), requestsMeasured.length);
        }
    }
}
