package dev.switchboard.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

/** Answers carry the nearest service points in every profile's format, and stay valid for it. */
class NearbyPointsRenderingTest {
    private static final VelocityReplyRenderer RENDERER = new VelocityReplyRenderer();

    static Stream<Arguments> everyProfileWithTheViewsThatListPoints() {
        return Arrays.stream(DeviceProfile.values()).flatMap(profile -> Stream.of(
                Arguments.of(profile, Reply.View.ANSWER), Arguments.of(profile, Reply.View.QUEUE_STATUS)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyProfileWithTheViewsThatListPoints")
    void theNearestPointComesWithItsAddressDistanceAndWhetherItIsOpen(DeviceProfile profile, Reply.View view) {
        String body = RENDERER.render(profile, SampleReplies.located(view)).body();

        RenderMatrixTest.assertValidFor(profile, body);
        assertThat(body).contains("Kraków Rynek Główny", "Rynek Główny 27, 31-010 Kraków", "48 m", "open now");
    }

    @ParameterizedTest
    @EnumSource(value = DeviceProfile.class, names = {"HTML5", "HBBTV", "WML", "XHTML_MP"})
    void screensListAllFiveNearestFirst(DeviceProfile profile) {
        String body = RENDERER.render(profile, SampleReplies.located(Reply.View.ANSWER)).body();

        int previous = -1;
        for (String name : new String[] {"Rynek Główny", "Galeria Krakowska", "Kazimierz", "Podgórze", "Nowa Huta"}) {
            int at = body.indexOf("Kraków " + name);
            assertThat(at).as(name).isGreaterThan(previous);
            previous = at;
        }
        assertThat(body).contains("880 m", "closed now", "1.3 km", "2.1 km", "12 km");
    }

    @ParameterizedTest
    @EnumSource(value = DeviceProfile.class, names = {"SMS", "TWIML"})
    void textMessagesNameOnlyTheNearestBeforeTheTopics(DeviceProfile profile) {
        String body = RENDERER.render(profile, SampleReplies.located(Reply.View.ANSWER)).body();

        assertThat(body).contains("Nearest service point: Kraków Rynek Główny").doesNotContain("Galeria Krakowska");
        assertThat(body.indexOf("Nearest service point")).isLessThan(body.indexOf("You can also ask about"));
    }

    @Test
    void anEmailListsEveryPointAndTopicOnALineOfItsOwn() {
        String body = RENDERER.render(DeviceProfile.EMAIL, SampleReplies.located(Reply.View.ANSWER)).body();

        assertThat(body.lines()).contains("Nearest service points:", "1. Kraków Rynek Główny, Rynek Główny 27, 31-010 Kraków: 48 m, open now",
                "You can also ask about:", "- Opening hours");
        assertThat(body.lines().filter(line -> line.matches("\\d\\. Kraków .*"))).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(value = DeviceProfile.class, names = {"HTML5", "HBBTV"})
    void htmlMarksEachPointForScriptsAndStyles(DeviceProfile profile) throws XPathExpressionException {
        Document html = MarkupChecks.wellFormedHtmlFragment(
                RENDERER.render(profile, SampleReplies.located(Reply.View.ANSWER)).body());
        XPath xpath = XPathFactory.newInstance().newXPath();

        assertThat(xpath.evaluate("count(//*[local-name()='ol'][@class='sb-nearby']/*[@class='sb-point'])", html))
                .isEqualTo("5");
        assertThat(xpath.evaluate("//*[@class='sb-point'][1]/@data-distance-meters", html)).isEqualTo("48");
        assertThat(xpath.evaluate("//*[@class='sb-point'][2]/@data-open", html)).isEqualTo("no");
        assertThat(xpath.evaluate("count(//*[@class='sb-point'][4]/*[@class='sb-point-status'])", html))
                .as("hours unknown: no status").isEqualTo("0");
        assertThat(xpath.evaluate("//*[@class='sb-nearby']/@data-region", html)).isEqualTo("Lesser Poland");
    }

    @ParameterizedTest
    @EnumSource(DeviceProfile.class)
    void withoutALocationNothingIsListed(DeviceProfile profile) {
        String body = RENDERER.render(profile, SampleReplies.answer()).body();

        assertThat(body).doesNotContain("Nearest service point", "sb-nearby");
    }

    static Stream<Arguments> everyPageProfileWithTheViewsThatListPoints() {
        return VelocityReplyRenderer.PAGE_PROFILES.stream().flatMap(profile -> Stream.of(
                Arguments.of(profile, Reply.View.ANSWER), Arguments.of(profile, Reply.View.QUEUE_STATUS)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyPageProfileWithTheViewsThatListPoints")
    void aWapPageListsEveryPointWithItsAddressDistanceAndWhetherItIsOpenAndTheRegion(DeviceProfile profile, Reply.View view) {
        String body = RENDERER.renderPage(profile, SampleReplies.located(view), PageRenderingTest.navigation(1, 0)).body();

        PageRenderingTest.assertValidPage(profile, body);
        assertThat(body).contains("Nearest service points (Lesser Poland):",
                "Kraków Rynek Główny, Rynek Główny 27, 31-010 Kraków: 48 m, open now",
                "Kraków Galeria Krakowska, ul. Pawia 5, 31-154 Kraków: 880 m, closed now",
                "Kraków Podgórze, ul. Kalwaryjska 40, 30-504 Kraków: 2.1 km<");
        assertThat(body.indexOf("Kraków Nowa Huta")).isGreaterThan(body.indexOf("Kraków Podgórze"));
    }

    @ParameterizedTest
    @EnumSource(value = DeviceProfile.class, names = {"WML", "XHTML_MP", "HTML5"})
    void aLongAnswerWithPointsIsPagedWithinTheBudgetNeverSplittingAPoint(DeviceProfile profile) {
        Reply longAnswer = Reply.answer(IntStream.rangeClosed(1, 40).mapToObj(i -> "Sentence " + i + " of the answer.")
                        .collect(Collectors.joining(" ")), Reply.Source.KNOWLEDGE_BASE, List.of("Opening hours", "Track a parcel"))
                .withNearby(SampleReplies.nearbyPoints(), "Lesser Poland");

        List<String> pages = PageRenderingTest.allPages(profile, longAnswer, 1_400);

        assertThat(pages).hasSizeGreaterThan(2);
        String shown = checkedWithin(profile, pages, 1_400);
        assertEveryPointShownWholeOnceNearestFirst(shown);
        assertThat(shown.indexOf("Sentence 40 of the answer.")).isLessThan(shown.indexOf("Kraków Rynek Główny"));
        assertThat(shown.indexOf("Kraków Nowa Huta")).isLessThan(shown.indexOf("Track a parcel"));
    }

    @Test
    void aQueueStatusWithPointsComesInDecksWithinTheBudgetEachSayingWhereTheCustomerWaits() {
        List<String> decks = PageRenderingTest.allPages(DeviceProfile.WML, SampleReplies.located(Reply.View.QUEUE_STATUS), 1_200);

        assertThat(decks).hasSizeGreaterThan(1);
        assertEveryPointShownWholeOnceNearestFirst(checkedWithin(DeviceProfile.WML, decks, 1_200));
        assertThat(decks).allSatisfy(deck -> assertThat(deck).contains("You are number 3 in the queue."));
    }

    /** Checks each page for its format and the budget; returns them one after the other. */
    private static String checkedWithin(DeviceProfile profile, List<String> pages, int budget) {
        StringBuilder all = new StringBuilder();
        for (String page : pages) {
            PageRenderingTest.assertValidPage(profile, page);
            assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(budget);
            all.append(page);
        }
        return all.toString();
    }

    private static void assertEveryPointShownWholeOnceNearestFirst(String shown) {
        int previous = -1;
        for (NearbyPoint point : SampleReplies.nearbyPoints()) {
            String line = point.name() + ", " + point.address() + ": " + TemplateModel.distance(point.distanceMeters());
            assertThat(shown.split(Pattern.quote(line), -1)).as(point.name()).hasSize(2);
            assertThat(shown.indexOf(line)).as(point.name()).isGreaterThan(previous);
            previous = shown.indexOf(line);
        }
    }
}
