package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.places.EarthDistance;
import dev.switchboard.hub.places.GazetteerLoader;
import dev.switchboard.hub.places.Place;
import dev.switchboard.hub.places.ServicePoint;
import dev.switchboard.hub.places.json.ServicePointsLoader;
import dev.switchboard.testing.HttpJson;
import dev.switchboard.testing.PhonePage;
import dev.switchboard.testing.TwoNodeCluster;
import dev.switchboard.testing.TestGateways;
import dev.switchboard.testing.Threads;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WAP phone behind its operator's gateway uses a whole gateway (hub, Hazelcast, H2, knowledge base) on a
 * free port; every deck it sees is checked against the WML 1.1 DTD by its browser.
 */
class WapPhoneTest {
    private static final String TRUST_LOOPBACK = "127.0.0.1/32";
    private static final String MSISDN = "48601234567";
    /** Kraków's Main Square, where the operator's gateway says the phone is. */
    private static final double KRAKOW_LAT = 50.0614;
    private static final double KRAKOW_LON = 19.9366;
    private static final String NEAREST_HEADING = "Nearest service points (Lesser Poland):";
    /** The default deck budget (switchboard.wap.deck-budget-bytes). */
    private static final int DECK_BUDGET = 1_400;
    private static final String LONG_QUESTION = "How do I set up my new phone?";
    private static final String LONG_ANSWER = IntStream.rangeClosed(1, 12).mapToObj(step -> "Step " + step
                    + ": follow the instructions on the screen, and if a fee of $5 is shown, confirm it before you go on.")
            .collect(Collectors.joining(" "));

    @Test
    void aPhoneWalksFromTheEntryDeckToKnowledgeBaseAnswersAndItsConversation(@TempDir Path dataDir) throws Exception {
        try (Gateway gateway = TestGateways.start(dataDir, Map.of("switchboard.wap.trusted-gateways", TRUST_LOOPBACK))) {
            WapBrowser phone = WapBrowser.wmlPhone(origin(gateway))
                    .header("X-MSISDN", MSISDN).header("X-Location", "50.0614,19.9366,300");

            Page entry = phone.open("/wap");
            Page hours = phone.follow(entry, "Opening hours");
            assertThat(hours.text()).contains("Switchboard service points are open");

            Page password = phone.submit(hours, "Send", Map.of("q", "I forgot my password", "w", "Kraków"));
            assertThat(password.text()).contains("switchboard.example/reset");

            Page callMe = phone.submit(phone.follow(password, "Text me or call me back"), "Call me back", Map.of());
            assertThat(callMe.text()).contains("call you back on +" + MSISDN);

            String text = wholeConversation(phone, phone.follow(callMe, "Your conversation"));
            assertThat(text).contains("Please call me back at +" + MSISDN + " (this phone's number, given by the operator).");
            assertThat(text.indexOf("Please call me back")).isLessThan(text.indexOf("I forgot my password"));
            assertThat(text.indexOf("switchboard.example/reset")).isLessThan(text.indexOf("I forgot my password"));

            Conversation stored = conversationOf(gateway, "e164:+" + MSISDN);
            assertThat(stored.context().latitude()).isEqualTo(50.0614);
            assertThat(stored.context().longitude()).isEqualTo(19.9366);
            assertThat(stored.context().locationSource()).isEqualTo("operator");
            assertThat(Threads.all(gateway.conversations(), stored.id())).anySatisfy(message -> assertThat(message.channel()).isEqualTo("wap"));
            assertThat(new HttpJson(gateway.baseUri()).get("/", null).body()).contains("/wap");
        }
    }

    @Test
    void aNumberThatTextedFirstSeesItsTextsWhenThePhoneBrowsesAndNoOtherNumberDoes(@TempDir Path dataDir)
            throws Exception {
        try (Gateway gateway = TestGateways.start(dataDir, Map.of("switchboard.wap.trusted-gateways", TRUST_LOOPBACK))) {
            HttpJson http = new HttpJson(gateway.baseUri());
            assertThat(PhonePage.text(gateway.baseUri(), "+48605000777", "Is roaming on in Spain?")).isEqualTo(303);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get("/smpp/phone/texts?number=%2B48605000777", null).json().size() == 2);

            WapBrowser phone = WapBrowser.wmlPhone(origin(gateway)).header("X-MSISDN", "48605000777");
            Page answer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "What are your opening hours?"));
            String thread = wholeConversation(phone, phone.follow(answer, "Your conversation"));

            assertThat(thread).contains("Is roaming on in Spain?", "What are your opening hours?");
            WapBrowser another = WapBrowser.wmlPhone(origin(gateway)).header("X-MSISDN", "48605000778");
            Page itsAnswer = another.submit(another.open("/wap"), "Send", Map.of("q", "What are your opening hours?"));
            assertThat(wholeConversation(another, another.follow(itsAnswer, "Your conversation")))
                    .doesNotContain("Is roaming on in Spain?");
        }
    }

    @Test
    void aSessionOpenedOnOneNodeContinuesOnTheOther(@TempDir Path dirA, @TempDir Path dirB) throws Exception {
        try (TwoNodeCluster nodes = TwoNodeCluster.start(dirA, dirB, "wap-two-nodes", Map.of())) {
            Gateway a = nodes.a();
            Gateway b = nodes.b();
            WapBrowser viaA = WapBrowser.wmlPhone(origin(a));
            WapBrowser viaB = WapBrowser.wmlPhone(origin(b));

            Page answer = viaA.submit(viaA.open("/wap"), "Send", Map.of("q", "What are your opening hours?"));
            Page threadOnB = viaB.follow(answer, "Your conversation");

            assertThat(threadOnB.status()).isEqualTo(200);
            assertThat(threadOnB.text()).contains("What are your opening hours?", "Switchboard service points are open");
        }
    }

    @Test
    void aPhoneWhoseGatewayTellsItsLocationIsAnsweredWithTheNearestServicePoints(@TempDir Path dataDir) throws Exception {
        try (Gateway gateway = TestGateways.start(dataDir, Map.of("switchboard.wap.trusted-gateways", TRUST_LOOPBACK))) {
            WapBrowser phone = WapBrowser.wmlPhone(origin(gateway)).header("X-Location", KRAKOW_LAT + "," + KRAKOW_LON);

            List<Page> decks = phone.withMorePages(phone.submit(phone.open("/wap"), "Send",
                    Map.of("q", "What are your opening hours?")));

            assertThat(decks.get(0).text()).contains("Switchboard service points are open", NEAREST_HEADING,
                    nearestWithItsDistance(KRAKOW_LAT, KRAKOW_LON));
            assertNearestListedOnceInOrderWithinTheBudget(decks, KRAKOW_LAT, KRAKOW_LON);
        }
    }

    @Test
    void aTownKeyedIntoTheQuestionFormStandsInForTheLocationOnDecksAndXhtmlMpPages(@TempDir Path dataDir) throws Exception {
        Place krakow = GazetteerLoader.shipped().find("Kraków", null).orElseThrow();
        try (Gateway gateway = TestGateways.start(dataDir)) {
            WapBrowser phone = WapBrowser.wmlPhone(origin(gateway));
            List<Page> decks = phone.withMorePages(phone.submit(phone.open("/wap"), "Send",
                    Map.of("q", "What are your opening hours?", "w", "Kraków")));

            assertThat(decks.get(0).text()).contains(NEAREST_HEADING, nearestWithItsDistance(krakow.latitude(), krakow.longitude()));
            assertNearestListedOnceInOrderWithinTheBudget(decks, krakow.latitude(), krakow.longitude());

            WapBrowser wap2 = new WapBrowser(origin(gateway)).header("Accept", WapBrowser.XHTML_MP_ACCEPT);
            List<Page> pages = wap2.withMorePages(wap2.submitForm(wap2.open("/wap"),
                    Map.of("q", "What are your opening hours?", "w", "Kraków")));

            assertThat(pages).allSatisfy(page -> assertThat(page.contentType()).startsWith("application/vnd.wap.xhtml+xml"));
            assertThat(pages.get(0).text()).contains(NEAREST_HEADING, nearestWithItsDistance(krakow.latitude(), krakow.longitude()));
            assertNearestListedOnceInOrderWithinTheBudget(pages, krakow.latitude(), krakow.longitude());
        }
    }

    @Test
    void aLongAnswerAndItsServicePointsComeInValidDecksWithinTheBudget(@TempDir Path dataDir) throws Exception {
        Map<String, String> settings = Map.of("switchboard.wap.trusted-gateways", TRUST_LOOPBACK,
                SwitchboardConfig.KNOWLEDGE_BASE, knowledgeBaseWithALongArticle(dataDir).toString());
        try (Gateway gateway = TestGateways.start(dataDir, settings)) {
            WapBrowser phone = WapBrowser.wmlPhone(origin(gateway)).header("X-Location", KRAKOW_LAT + "," + KRAKOW_LON);

            List<Page> decks = phone.withMorePages(phone.submit(phone.open("/wap"), "Send", Map.of("q", LONG_QUESTION)));

            assertThat(decks).hasSizeGreaterThan(2);
            String answer = decks.stream()
                    .map(deck -> deck.document().getElementsByTagName("p").item(0).getTextContent().strip())
                    .filter(paragraph -> !paragraph.startsWith("Nearest service points") && !paragraph.startsWith("You can also ask"))
                    .collect(Collectors.joining(" ")).replace("$$", "$");
            assertThat(answer).isEqualTo(LONG_ANSWER);
            assertNearestListedOnceInOrderWithinTheBudget(decks, KRAKOW_LAT, KRAKOW_LON);
            String text = String.join(" ", decks.stream().map(Page::text).toList());
            assertThat(text.indexOf("Step 12:")).isLessThan(text.indexOf(NEAREST_HEADING));
        }
    }

    /** The demo service points nearest to a position, nearest first, by the distance this test computes itself. */
    private static List<ServicePoint> expectedNearest(double lat, double lon) {
        List<ServicePoint> all = new ArrayList<>(ServicePointsLoader.fromClasspath("service-points-demo.json"));
        all.sort(Comparator.comparingDouble(p -> EarthDistance.meters(lat, lon, p.latitude(), p.longitude())));
        return all.subList(0, 5);
    }

    /** How a page shows the nearest service point: name, address and its distance, in metres when under a kilometre. */
    private static String nearestWithItsDistance(double lat, double lon) {
        ServicePoint nearest = expectedNearest(lat, lon).get(0);
        assertThat(nearest.name()).isEqualTo("Kraków Rynek Główny");
        long meters = Math.round(EarthDistance.meters(lat, lon, nearest.latitude(), nearest.longitude()));
        assertThat(meters).isLessThan(1000);
        return nearest.name() + ", " + nearest.address() + ": " + meters + " m";
    }

    /** The five nearest points appear over the pages nearest first, each on exactly one page; no page is over the budget. */
    private static void assertNearestListedOnceInOrderWithinTheBudget(List<Page> pages, double lat, double lon) {
        String text = String.join("\n", pages.stream().map(Page::text).toList());
        int previous = -1;
        for (ServicePoint point : expectedNearest(lat, lon)) {
            String shown = point.name() + ", " + point.address() + ": ";
            assertThat(pages).as(point.name()).filteredOn(page -> page.text().contains(shown)).hasSize(1);
            assertThat(text.indexOf(shown)).as(point.name()).isGreaterThan(previous);
            previous = text.indexOf(shown);
        }
        assertThat(pages).allSatisfy(page ->
                assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DECK_BUDGET));
    }

    /** The shipped knowledge base with an article whose answer takes several decks, written into the data directory. */
    private static Path knowledgeBaseWithALongArticle(Path dataDir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode knowledgeBase;
        try (InputStream shipped = WapPhoneTest.class.getClassLoader().getResourceAsStream("knowledge-base.json")) {
            knowledgeBase = (ObjectNode) json.readTree(shipped);
        }
        ObjectNode article = ((ArrayNode) knowledgeBase.get("articles")).addObject();
        article.put("id", "new-phone-setup").put("topic", "New phone set-up").put("question", LONG_QUESTION)
                .put("answer", LONG_ANSWER);
        article.putArray("phrasings").add("Setting up my new phone");
        article.putArray("tags").add("setup").add("new phone").add("lang:en");
        Path file = dataDir.resolve("knowledge-base-with-a-long-article.json");
        json.writeValue(file.toFile(), knowledgeBase);
        return file;
    }

    /** The text of the conversation deck and of every older deck its "More" links lead to. */
    private static String wholeConversation(WapBrowser phone, Page first) {
        return String.join(" ", phone.withMorePages(first).stream().map(Page::text).toList());
    }

    private static Conversation conversationOf(Gateway gateway, String addressKey) {
        HazelcastInstance member = Hazelcast.getAllHazelcastInstances().stream()
                .filter(instance -> instance.getMap("address-links").containsKey(addressKey))
                .findFirst().orElseThrow();
        AddressLink link = (AddressLink) member.getMap("address-links").get(addressKey);
        Customer customer = (Customer) member.getMap("customers").get(link.customerId());
        return gateway.conversations().get(customer.conversationId()).orElseThrow();
    }

    private static URI origin(Gateway gateway) {
        return URI.create("http://127.0.0.1:" + gateway.httpPort());
    }
}
