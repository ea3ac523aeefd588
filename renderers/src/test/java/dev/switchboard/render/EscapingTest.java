package dev.switchboard.render;

import static dev.switchboard.render.SampleReplies.HOSTILE_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.Reply;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Reply data cannot break out of its format, whatever it contains. */
class EscapingTest {
    private static final VelocityReplyRenderer RENDERER = new VelocityReplyRenderer();

    static Stream<Arguments> everyProfileAndView() {
        return RenderMatrixTest.everyProfileAndView();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyProfileAndView")
    void hostileTextStaysText(DeviceProfile profile, Reply.View view) {
        String body = RENDERER.render(profile, SampleReplies.hostile(view)).body();

        RenderMatrixTest.assertValidFor(profile, body);
        switch (profile) {
            case SMS, EMAIL -> assertThat(body).contains(HOSTILE_TEXT);
            case WML -> {
                assertThat(body).doesNotContain("<script", "'q'").contains("$$PATH").doesNotContainPattern("(?<!\\$)\\$PATH");
                assertThat(MarkupChecks.validWml(body).getDocumentElement().getTextContent())
                        .contains(HOSTILE_TEXT.replace("$", "$$"));
            }
            case HTML5 -> {
                assertThat(body).doesNotContain("<script", "'q'").contains("&lt;script&gt;");
                assertThat(MarkupChecks.wellFormedHtmlFragment(body).getDocumentElement().getTextContent())
                        .contains(HOSTILE_TEXT);
            }
            case XHTML_MP, HBBTV, TWIML -> {
                assertThat(body).doesNotContain("<script", "'q'").contains("&lt;script&gt;");
                assertThat(MarkupChecks.wellFormedXml(body).getDocumentElement().getTextContent())
                        .contains(HOSTILE_TEXT);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DeviceProfile.class, names = {"HTML5", "HBBTV"})
    void hostileTopicStaysOneAttributeValue(DeviceProfile profile) throws XPathExpressionException {
        String body = RENDERER.render(profile, SampleReplies.hostile(Reply.View.ANSWER)).body();
        Document document = profile == DeviceProfile.HTML5
                ? MarkupChecks.wellFormedHtmlFragment(body) : MarkupChecks.wellFormedXml(body);

        NodeList topics = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//@data-topic", document, XPathConstants.NODESET);

        assertThat(topics.getLength()).isEqualTo(2);
        assertThat(topics.item(0).getNodeValue()).isEqualTo(HOSTILE_TEXT);
    }

    @ParameterizedTest
    @EnumSource(value = DeviceProfile.class, names = {"XHTML_MP", "WML"})
    void hostileTopicIsUrlEncodedInLinks(DeviceProfile profile) {
        String body = RENDERER.render(profile, SampleReplies.hostile(Reply.View.ANSWER)).body();

        assertThat(body).contains("href=\"?q=%3Cscript%3Ealert%28%22x%22%29%3C%2Fscript%3E+%26+%24PATH+%27q%27\"");
    }

    @ParameterizedTest
    @EnumSource(DeviceProfile.class)
    void charactersXmlForbidsAreDroppedFromMarkupAndKeptInSms(DeviceProfile profile) {
        String text = "a\u0000b\u0007c\uFFFEd\uD800e \uD83D\uDE00 tab\tend";

        String body = RENDERER.render(profile, Reply.error(text)).body();

        RenderMatrixTest.assertValidFor(profile, body);
        assertThat(body).contains(OutputEscaping.forProfile(profile) == OutputEscaping.NONE ? text : "abcde \uD83D\uDE00 tab\tend");
    }

    @ParameterizedTest
    @EnumSource(DeviceProfile.class)
    void templateCodeInReplyDataIsNotEvaluated(DeviceProfile profile) {
        String vtl = "#set($text = 'owned')${text} #parse(\"templates/macros.vm\") #errorWords()";

        String body = RENDERER.render(profile, Reply.answer(vtl, Reply.Source.AGENT, List.of())).body();

        assertThat(body).contains(OutputEscaping.forProfile(profile).escape(vtl)).doesNotContain("Sorry:");
    }

    @Test
    void eachFormatEscapesItsOwnSpecialCharacters() {
        String text = "<a href=\"x\">Tom's</a> & `$5`";

        assertThat(OutputEscaping.XML.escape(text))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom&#39;s&lt;/a&gt; &amp; `$5`");
        assertThat(OutputEscaping.WML.escape(text))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom&#39;s&lt;/a&gt; &amp; `$$5`");
        assertThat(OutputEscaping.HTML.escape(text))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom&#39;s&lt;/a&gt; &amp; &#96;$5&#96;");
        assertThat(OutputEscaping.NONE.escape(text)).isSameAs(text);
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String text = "Zażółć gęślą jaźń \uD83D\uDC4D, line\r\nbreak\tand tab";

        assertThat(Arrays.stream(OutputEscaping.values()).map(escaping -> escaping.escape(text)))
                .allSatisfy(escaped -> assertThat(escaped).isSameAs(text));
    }

    @Test
    void unpairedSurrogatesAreDroppedAndPairsKept() {
        assertThat(OutputEscaping.XML.escape("\uDE00a\uD83D\uDE00b\uD83D")).isEqualTo("a\uD83D\uDE00b");
    }

    @Test
    void everyProfileHasItsFormatsEscaping() {
        assertThat(Arrays.stream(DeviceProfile.values()).map(OutputEscaping::forProfile))
                .containsExactly(OutputEscaping.HTML, OutputEscaping.XML, OutputEscaping.WML, OutputEscaping.XML,
                        OutputEscaping.NONE, OutputEscaping.XML, OutputEscaping.NONE);
    }
}
