package dev.switchboard.adapter.wap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import dev.switchboard.render.SampleReplies;
import dev.switchboard.spi.NearbyPoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An answer lists the service points nearest to the phone (name, address, distance, open now) and the
 * customer's region, where the help desk found them from the operator's location header or a town keyed
 * into the question form: in a WML deck, an XHTML-MP page and an HTML5 page, and over the answer's "More"
 * decks when it is long. Every page is checked for its format by the {@link WapBrowser}.
 */
class NearbyPointsOnPhonesTest {
    private static final Map<String, String> LOOPBACK_TRUSTED = Map.of(WapSettings.TRUSTED_GATEWAYS, "127.0.0.0/8");
    private static final String HEADING = "Nearest service points (" + DeskAnswers.REGION + "):";
    private static final int BUDGET = 1_400;

    @Test
    void aDeckAnsweringAPhoneWhoseOperatorTellsItsLocationListsTheNearestPoints() throws Exception {
        try (WapServer server = new WapServer(LOOPBACK_TRUSTED)) {
            WapBrowser phone = WapBrowser.wmlPhone(server.origin()).header("X-Location", "50.0614,19.9366,300");

            Page answer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "Where is the nearest shop?"));

            assertThat(server.helpDesk.lastSubmitted().context().location()).isNotNull();
            assertThat(answer.text()).contains("Answer to: Where is the nearest shop?", HEADING,
                    "Kraków Rynek Główny, Rynek Główny 27, 31-010 Kraków: 48 m, open now",
                    "Kraków Galeria Krakowska, ul. Pawia 5, 31-154 Kraków: 880 m, closed now");
            assertPointsInOrderWithinTheBudget(phone.withMorePages(answer));
        }
    }

    @Test
    void withoutALocationOrPlaceTheDeckListsNoPoints() throws Exception {
        try (WapServer server = new WapServer(Map.of())) {
            WapBrowser phone = WapBrowser.wmlPhone(server.origin()).header("X-Location", "50.0614,19.9366");

            Page answer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "Where is the nearest shop?"));

            assertThat(answer.text()).contains("Answer to: Where is the nearest shop?").doesNotContain("Nearest service points");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {WapBrowser.XHTML_MP_ACCEPT, "text/html"})
    void aTownKeyedIntoThePageFormBringsThePointsToXhtmlMpAndHtml5Pages(String accept) throws Exception {
        try (WapServer server = new WapServer(Map.of())) {
            WapBrowser browser = new WapBrowser(server.origin()).header("Accept", accept);

            Page answer = browser.submitForm(browser.open("/wap"), Map.of("q", "Are you open on Sunday?", "w", "Kraków"));

            assertThat(server.helpDesk.lastSubmitted().context().placeName()).isEqualTo("Kraków");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).contains(HEADING, "Kraków Rynek Główny, Rynek Główny 27, 31-010 Kraków: 48 m, open now");
            List<Page> pages = browser.withMorePages(answer);
            assertThat(pages.stream().mapToInt(page -> pointItems(page).size()).sum()).isEqualTo(5);
            assertThat(pointItems(pages.get(pages.size() - 1))).last().asString()
                    .isEqualTo("Kraków Nowa Huta, Plac Centralny 1, 31-914 Kraków: 12 km, open now");
            if (accept.equals(WapBrowser.XHTML_MP_ACCEPT)) {
                assertPointsInOrderWithinTheBudget(pages);
            }
        }
    }

    @Test
    void aLongAnswerAndItsPointsComeInDecksWithinTheBudgetNoPointSplit() throws Exception {
        try (WapServer server = new WapServer(Map.of())) {
            WapBrowser phone = WapBrowser.wmlPhone(server.origin());

            List<Page> decks = phone.withMorePages(phone.submit(phone.open("/wap"), "Send",
                    Map.of("q", "long question", "w", "Kraków")));

            assertThat(decks).hasSizeGreaterThan(2).allSatisfy(deck -> assertThat(deck.status()).isEqualTo(200));
            assertPointsInOrderWithinTheBudget(decks);
            String answerText = decks.stream()
                    .map(deck -> deck.document().getElementsByTagName("p").item(0).getTextContent().strip())
                    .filter(paragraph -> !paragraph.startsWith("Nearest service points")).collect(Collectors.joining(" "));
            assertThat(answerText).isEqualTo(DeskAnswers.LONG_ANSWER);
            String text = String.join("\n", decks.stream().map(Page::text).toList());
            assertThat(text.indexOf("Step 60 of the long answer.")).isLessThan(text.indexOf("Kraków Rynek Główny"));
            assertThat(decks.get(decks.size() - 1).links()).containsValue("Opening hours");
            assertThat(server.helpDesk.submitted()).hasSize(1);
        }
    }

    @Test
    void theReplyToCallMeBackListsThePointsWithinTheBudgetToo() throws Exception {
        try (WapServer server = new WapServer(LOOPBACK_TRUSTED)) {
            WapBrowser phone = WapBrowser.wmlPhone(server.origin()).header("X-Location", "50.0614,19.9366");
            Page answer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "long question"));
            Page contact = phone.follow(answer, "Text me or call me back");

            Page callMe = phone.submit(contact, "Call me back", Map.of("n", "+48 600 100 200"));

            List<Page> decks = phone.withMorePages(callMe);
            assertThat(decks.get(0).text()).contains("Answer to: Please call me back at +48600100200.");
            assertPointsInOrderWithinTheBudget(decks);
        }
    }

    /** Every sample point is listed once over the pages, nearest first, and every page keeps to the budget. */
    private static void assertPointsInOrderWithinTheBudget(List<Page> pages) {
        String text = String.join("\n", pages.stream().map(Page::text).toList());
        List<Integer> positions = SampleReplies.nearbyPoints().stream().map(point -> text.indexOf(pointLine(point))).toList();
        assertThat(positions).doesNotContain(-1).isSorted();
        for (NearbyPoint point : SampleReplies.nearbyPoints()) {
            assertThat(pages).as(point.name()).filteredOn(page -> page.text().contains(pointLine(point))).hasSize(1);
        }
        assertThat(pages).allSatisfy(page ->
                assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(BUDGET));
    }

    /** The texts of the service points listed on an XHTML-MP or HTML5 page. */
    private static List<String> pointItems(Page page) {
        NodeList items = page.document().getElementsByTagName("li");
        return IntStream.range(0, items.getLength()).mapToObj(i -> (Element) items.item(i))
                .filter(item -> item.getAttribute("class").equals("sb-point")).map(item -> item.getTextContent().strip())
                .toList();
    }

    /** A point as every page shows it, up to its distance. */
    private static String pointLine(NearbyPoint point) {
        return point.name() + ", " + point.address() + ":";
    }
}
