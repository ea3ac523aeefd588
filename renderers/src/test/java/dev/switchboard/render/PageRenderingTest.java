package dev.switchboard.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.PageNavigation;
import dev.switchboard.spi.PageNotFoundException;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Whole pages for browsing devices: valid for their format, with their links and forms, split to a byte budget. */
class PageRenderingTest {
    private static final VelocityReplyRenderer RENDERER = new VelocityReplyRenderer();
    private static final String SESSION = "/wap/s/AbCdEfGh12345678";
    private static final Map<String, String> ALL_LINKS = Map.of(
            PageNavigation.ASK, SESSION + "/ask",
            PageNavigation.TOPIC, SESSION + "/ask?k=key12345&q=",
            PageNavigation.HOME, SESSION + "/",
            PageNavigation.THREAD, SESSION + "/thread",
            PageNavigation.CONTACT, SESSION + "/contact",
            PageNavigation.CALLBACK, SESSION + "/callback");
    private static final Pattern PLAIN_PARAGRAPH = Pattern.compile("<p>([^<]+)</p>");
    private static final Map<String, String> FIELDS = Map.of("k", "key12345");

    /** The links of an answer or conversation page: every one but the callback form, which has a page of its own. */
    static PageNavigation navigation(int page, int budget) {
        Map<String, String> links = new HashMap<>(ALL_LINKS);
        links.remove(PageNavigation.CALLBACK);
        return new PageNavigation(links, FIELDS, SESSION + "/more?r=r1&p=", page, budget);
    }

    static Stream<Arguments> everyPageProfileAndView() {
        return VelocityReplyRenderer.PAGE_PROFILES.stream()
                .flatMap(profile -> Arrays.stream(Reply.View.values()).map(view -> Arguments.of(profile, view)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyPageProfileAndView")
    void everyPageIsAValidDocumentOfItsFormat(DeviceProfile profile, Reply.View view) {
        for (Reply reply : List.of(SampleReplies.of(view), SampleReplies.hostile(view))) {
            String body = RENDERER.renderPage(profile, reply, navigation(1, 0)).body();

            assertValidPage(profile, body);
            assertThat(body).doesNotContain("<script>");
        }
    }

    @Test
    void aWmlDeckDoublesEveryDollarOfTheTextAndUsesOnlyItsOwnVariables() {
        String deck = RENDERER.renderPage(DeviceProfile.WML, SampleReplies.hostile(Reply.View.ANSWER), navigation(1, 0)).body();

        assertThat(deck).contains("$$PATH");
        assertThat(deck.replace("$$", "").replace("$(q)", "").replace("$(w)", "").replace("$(n)", "")).doesNotContain("$");
    }

    @Test
    void aDeckWithEveryLinkHasTheReplyTheTopicsAndCardsToAskAndToBeContacted() {
        PageNavigation everything = new PageNavigation(ALL_LINKS, FIELDS, null, 1, 0);
        Document deck = MarkupChecks.validWml(
                RENDERER.renderPage(DeviceProfile.WML, SampleReplies.answer(), everything).body());

        assertThat(cardIds(deck)).containsExactly("main", "ask", "callback");
        assertThat(hrefs(deck)).contains(SESSION + "/ask?k=key12345&q=Returns+%26+refunds", "#ask", SESSION + "/contact",
                SESSION + "/thread", SESSION + "/");
        NodeList gos = deck.getElementsByTagName("go");
        assertThat(gos.getLength()).isEqualTo(3);
        for (int i = 0; i < gos.getLength(); i++) {
            Element go = (Element) gos.item(i);
            assertThat(go.getAttribute("method")).isEqualTo("post");
            assertThat(postfields(go)).containsEntry("k", "key12345");
        }
        assertThat(postfields((Element) gos.item(0))).containsEntry("q", "$(q)").containsEntry("w", "$(w)");
        assertThat(postfields((Element) gos.item(1))).containsEntry("how", "text").containsEntry("n", "$(n)");
        assertThat(postfields((Element) gos.item(2))).containsEntry("how", "call");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyPageProfileAndView")
    void thePagesToVerifyANumberAreValidWithTheirAddressesEscaped(DeviceProfile profile, Reply.View view) {
        Map<String, String> links = Map.of(PageNavigation.HOME, SESSION + "/",
                PageNavigation.VERIFY, SESSION + "/verify?x=\"<b>&y",
                PageNavigation.SEND_CODE, SESSION + "/send-code?x=\"<b>&y",
                PageNavigation.CHECK_CODE, SESSION + "/check-code?x=\"<b>&y");
        String body = RENDERER.renderPage(profile, SampleReplies.of(view), new PageNavigation(links, FIELDS, null, 1, 0)).body();

        assertValidPage(profile, body);
        assertThat(body).doesNotContain("<b>&y");
        if (view != Reply.View.ERROR) {
            assertThat(body).contains("Verify my number", "Text me a code", "The 6-digit code we texted you:",
                    SESSION + "/check-code?x=&quot;&lt;b&gt;&amp;y");
        }
    }

    @Test
    void aDeckToVerifyANumberHasACardForTheNumberAndOneForTheCodeEachPostingItsFieldAndTheKey() {
        Map<String, String> links = Map.of(PageNavigation.HOME, SESSION + "/",
                PageNavigation.SEND_CODE, SESSION + "/send-code", PageNavigation.CHECK_CODE, SESSION + "/check-code");
        Document deck = MarkupChecks.validWml(RENDERER.renderPage(DeviceProfile.WML,
                Reply.answer("We texted a code.", Reply.Source.SYSTEM, List.of()), new PageNavigation(links, FIELDS, null, 1, 0)).body());

        assertThat(cardIds(deck)).containsExactly("main", "number", "code");
        assertThat(hrefs(deck)).contains("#number", "#code", SESSION + "/");
        NodeList gos = deck.getElementsByTagName("go");
        assertThat(gos.getLength()).isEqualTo(2);
        assertThat(((Element) gos.item(0)).getAttribute("href")).isEqualTo(SESSION + "/send-code");
        assertThat(((Element) gos.item(1)).getAttribute("href")).isEqualTo(SESSION + "/check-code");
        assertThat(postfields((Element) gos.item(0))).containsEntry("n", "$(n)").containsEntry("k", "key12345");
        assertThat(postfields((Element) gos.item(1))).containsEntry("c", "$(c)").containsEntry("k", "key12345");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DeviceProfile.class, names = {"WML", "XHTML_MP", "HTML5"})
    void theRatingPageOffersTheScaleOneToFiveAsLinksEndingInTheDigitAndAConversationLinksIt(DeviceProfile profile) {
        Map<String, String> links = Map.of(PageNavigation.HOME, SESSION + "/", PageNavigation.RATE, SESSION + "/ask?x=\"<b>&q=");
        String body = RENDERER.renderPage(profile, Reply.answer("How did we help you?", Reply.Source.SYSTEM, List.of()),
                new PageNavigation(links, FIELDS, null, 1, 0)).body();

        assertValidPage(profile, body);
        assertThat(body).contains("How did we help you?", "From 1 (poor) to 5 (very good):").doesNotContain("<b>&");
        for (int score = 1; score <= 5; score++) {
            assertThat(body).contains("<a href=\"" + SESSION + "/ask?x=&quot;&lt;b&gt;&amp;q=" + score + "\">" + score + "</a>");
        }
        String conversation = RENDERER.renderPage(profile, SampleReplies.of(Reply.View.CONVERSATION),
                new PageNavigation(Map.of(PageNavigation.HOME, SESSION + "/", PageNavigation.RATING, SESSION + "/rating"),
                        FIELDS, null, 1, 0)).body();
        assertValidPage(profile, conversation);
        assertThat(conversation).contains("<a href=\"" + SESSION + "/rating\">Rate the help you got</a>")
                .doesNotContain("From 1 (poor)");
    }

    @Test
    void aPageOffersOnlyTheLinksItWasGiven() {
        PageNavigation bare = new PageNavigation(Map.of(PageNavigation.HOME, "/wap"), Map.of(), null, 1, 0);

        Document deck = MarkupChecks.validWml(RENDERER.renderPage(DeviceProfile.WML, SampleReplies.queued(), bare).body());

        assertThat(cardIds(deck)).containsExactly("main");
        assertThat(hrefs(deck)).containsExactly("/wap");
    }

    @ParameterizedTest
    @EnumSource(value = DeviceProfile.class, names = {"WML", "XHTML_MP", "HTML5"})
    void aLongAnswerIsSplitIntoPagesWithinTheBudgetEachLinkingToTheNext(DeviceProfile profile) {
        Reply longAnswer = Reply.answer(IntStream.rangeClosed(1, 80).mapToObj(i -> "Sentence " + i + " of the answer.")
                .collect(Collectors.joining(" ")), Reply.Source.KNOWLEDGE_BASE, List.of("Opening hours", "Track a parcel"));
        int budget = 1_400;

        List<String> pages = allPages(profile, longAnswer, budget);

        assertThat(pages).hasSizeGreaterThan(2);
        StringBuilder shownText = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertThat(page.getBytes(StandardCharsets.UTF_8).length).as("page %d", i + 1).isLessThanOrEqualTo(budget);
            assertValidPage(profile, page);
            boolean last = i == pages.size() - 1;
            assertThat(page.contains(SESSION + "/more?r=r1&amp;p=" + (i + 2))).as("more link on page %d", i + 1).isEqualTo(!last);
            assertThat(page.contains("Track a parcel")).as("topics on page %d", i + 1).isEqualTo(last);
            Matcher text = PLAIN_PARAGRAPH.matcher(page);
            while (text.find()) {
                if (!text.group(1).startsWith("You can also ask about")) {
                    shownText.append(text.group(1)).append(' ');
                }
            }
        }
        assertThat(shownText.toString().strip()).isEqualTo(longAnswer.text());
        assertThatThrownBy(() -> RENDERER.renderPage(profile, longAnswer, navigation(pages.size() + 1, budget)))
                .isInstanceOf(PageNotFoundException.class);
    }

    @Test
    void theConversationDeckShowsTheNewestFirstWithTheAgentsReplies() {
        String deck = RENDERER.renderPage(DeviceProfile.WML, SampleReplies.conversation(), navigation(1, 1_400)).body();

        MarkupChecks.validWml(deck);
        assertThat(deck).contains("<b>Anna</b> 14:07");
        assertThat(deck.indexOf("Thanks!")).isLessThan(deck.indexOf("It left the depot"));
        assertThat(deck.indexOf("It left the depot")).isLessThan(deck.indexOf("Where is my parcel 4711?"));
    }

    @Test
    void aConversationPagesOlderMessagesAndShortensOneTooLongForADeck() {
        List<ThreadMessage> thread = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String text = i == 11 ? "Newest " + "very long words ".repeat(200) : "Message number " + i + " about my parcel.";
            thread.add(new ThreadMessage(String.valueOf(i), Channel.WAP, i % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND,
                    i % 2 == 0 ? "you" : "Anna", text, SampleReplies.THREAD_START.plusSeconds(60L * i)));
        }
        Reply conversation = Reply.conversation("Your conversation with us", thread);

        List<String> pages = allPages(DeviceProfile.WML, conversation, 1_200);

        assertThat(pages.get(0)).contains("Newest very long words", ReplyPages.SHORTENED + "</p>")
                .doesNotContain("Message number");
        assertThat(pages.get(1)).contains("Message number 10").doesNotContain("Newest");
        assertThat(pages.get(pages.size() - 1)).contains("Message number 0");
        for (String page : pages) {
            MarkupChecks.validWml(page);
            assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_200);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DeviceProfile.class, names = {"WML", "XHTML_MP", "HTML5"})
    void aConversationPageLinksOlderMessagesFromItsLastDeckAndTheNewestFromEveryDeck(DeviceProfile profile) {
        List<ThreadMessage> thread = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            thread.add(new ThreadMessage(String.valueOf(i), Channel.WAP, i % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND,
                    i % 2 == 0 ? "you" : "Anna", "Message number " + i + " about my parcel, sent on Tuesday.",
                    SampleReplies.THREAD_START.plusSeconds(60L * i)));
        }
        Map<String, String> links = new HashMap<>(ALL_LINKS);
        links.remove(PageNavigation.CALLBACK);
        links.put("older", SESSION + "/thread?b=30&x=<1>");
        links.put("newest", SESSION + "/thread");
        Reply conversation = Reply.conversation("Your conversation with us", thread);

        List<String> pages = new ArrayList<>();
        for (int page = 1; pages.isEmpty() || pages.get(pages.size() - 1).contains("/thread?b=30&amp;p=" + page); page++) {
            assertThat(page).isLessThan(20);
            pages.add(RENDERER.renderPage(profile, conversation,
                    new PageNavigation(links, FIELDS, SESSION + "/thread?b=30&p=", page, 1_200)).body());
        }

        assertThat(pages).hasSizeGreaterThan(1);
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertValidPage(profile, page);
            assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_200);
            assertThat(page).contains("<a href=\"" + SESSION + "/thread\">Newest messages</a>");
            assertThat(page.contains("<a href=\"" + SESSION + "/thread?b=30&amp;x=&lt;1&gt;\">Older messages</a>"))
                    .as("older messages linked from page %d of %d", i + 1, pages.size()).isEqualTo(i == pages.size() - 1);
        }
        assertThat(String.join("", pages)).contains("Message number 0", "Message number 9");
    }

    @Test
    void aConversationPageWithoutOlderOrNewestLinksHasNeither() {
        String deck = RENDERER.renderPage(DeviceProfile.WML, SampleReplies.conversation(), navigation(1, 1_400)).body();

        assertThat(deck).doesNotContain("Older messages", "Newest messages");
    }

    @Test
    void profilesThatDoNotBrowseHaveNoPages() {
        assertThatThrownBy(() -> RENDERER.renderPage(DeviceProfile.SMS, SampleReplies.answer(), navigation(1, 0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    static List<String> allPages(DeviceProfile profile, Reply reply, int budget) {
        List<String> pages = new ArrayList<>();
        for (int page = 1; page < 50; page++) {
            String body = RENDERER.renderPage(profile, reply, navigation(page, budget)).body();
            pages.add(body);
            if (!body.contains("/more?r=r1&amp;p=" + (page + 1))) {
                return pages;
            }
        }
        throw new AssertionError("more than 50 pages");
    }

    /** Checks a whole page of {@code profile}'s format. */
    static void assertValidPage(DeviceProfile profile, String body) {
        switch (profile) {
            case WML -> MarkupChecks.validWml(body);
            case XHTML_MP -> assertThat(MarkupChecks.wellFormedXml(body).getDoctype().getPublicId())
                    .isEqualTo(MarkupChecks.XHTML_MP_12_PUBLIC_ID);
            case HTML5 -> {
                assertThat(body).startsWith("<!DOCTYPE html>");
                assertThat(MarkupChecks.wellFormedXml(body).getDocumentElement().getTagName()).isEqualTo("html");
            }
            default -> throw new AssertionError("no pages for " + profile);
        }
    }

    private static List<String> cardIds(Document deck) {
        return elements(deck.getElementsByTagName("card")).stream().map(card -> card.getAttribute("id")).toList();
    }

    private static List<String> hrefs(Document deck) {
        return elements(deck.getElementsByTagName("a")).stream().map(a -> a.getAttribute("href")).toList();
    }

    private static Map<String, String> postfields(Element go) {
        return elements(go.getElementsByTagName("postfield")).stream()
                .collect(Collectors.toMap(field -> field.getAttribute("name"), field -> field.getAttribute("value")));
    }

    private static List<Element> elements(NodeList nodes) {
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }
}
