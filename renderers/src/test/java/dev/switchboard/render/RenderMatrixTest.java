package dev.switchboard.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every device profile renders every view, and the result is valid for the profile's format. */
class RenderMatrixTest {
    private static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
    private static final VelocityReplyRenderer RENDERER = new VelocityReplyRenderer();

    static Stream<Arguments> everyProfileAndView() {
        return Arrays.stream(DeviceProfile.values())
                .flatMap(profile -> Arrays.stream(Reply.View.values()).map(view -> Arguments.of(profile, view)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyProfileAndView")
    void rendersValidMarkupWithTheProfilesContentType(DeviceProfile profile, Reply.View view) {
        Reply reply = SampleReplies.of(view);

        RenderedReply rendered = RENDERER.render(profile, reply);

        assertThat(rendered.contentType()).isEqualTo(profile.contentType());
        assertThat(rendered.body()).isNotBlank().contains(firstWords(reply.text()));
        assertValidFor(profile, rendered.body());
    }

    @ParameterizedTest
    @EnumSource(DeviceProfile.class)
    void answerOffersTheTopics(DeviceProfile profile) {
        String body = RENDERER.render(profile, SampleReplies.answer()).body();

        assertThat(body).contains("Opening hours", "Track a parcel").contains(
                OutputEscaping.forProfile(profile).escape("Returns & refunds"));
    }

    @ParameterizedTest
    @EnumSource(DeviceProfile.class)
    void queueStatusShowsPositionAndWaitInWholeMinutes(DeviceProfile profile) {
        String body = RENDERER.render(profile, SampleReplies.queued()).body();

        assertThat(body).contains("You are number 3 in the queue.", "about 4 min.").doesNotContain("Nobody is on duty");
    }

    @ParameterizedTest
    @EnumSource(DeviceProfile.class)
    void queueStatusSaysNobodyIsOnDutyWhenNoAgentIs(DeviceProfile profile) {
        String body = RENDERER.render(profile, SampleReplies.nobodyOnDuty()).body();

        assertThat(body).contains("Thanks for your message.", "Nobody is on duty right now.")
                .doesNotContain("in the queue", "Estimated wait");
        assertValidFor(profile, body);
    }

    @ParameterizedTest
    @EnumSource(DeviceProfile.class)
    void conversationShowsAuthorsAndUtcTimesNewestLast(DeviceProfile profile) {
        String body = RENDERER.render(profile, SampleReplies.conversation()).body();

        assertThat(body).contains("Anna", "14:05", "14:07", "14:15");
        assertThat(body.indexOf("Where is my parcel 4711?"))
                .isPositive()
                .isLessThan(body.indexOf("It left the depot"));
        assertThat(body.indexOf("It left the depot")).isLessThan(body.indexOf("Thanks!"));
    }

    @ParameterizedTest
    @EnumSource(DeviceProfile.class)
    void errorIsMarkedAsAnError(DeviceProfile profile) {
        String body = RENDERER.render(profile, SampleReplies.error()).body();

        assertThat(body).contains("Sorry:", "Your message was empty.");
    }

    /** Checks {@code body} with the rules of {@code profile}'s format. */
    static void assertValidFor(DeviceProfile profile, String body) {
        switch (profile) {
            case HTML5 -> {
                Element root = MarkupChecks.wellFormedHtmlFragment(body).getDocumentElement();
                assertThat(root.getElementsByTagName("*").item(0)).isInstanceOfSatisfying(Element.class, div -> {
                    assertThat(div.getTagName()).isEqualTo("div");
                    assertThat(div.getAttribute("class")).startsWith("sb-reply ");
                });
                assertThat(body.strip()).startsWith("<div").endsWith("</div>");
                assertThat(body).doesNotContain("<html", "<body");
            }
            case XHTML_MP -> {
                Document page = MarkupChecks.wellFormedXml(body);
                assertThat(page.getDoctype().getPublicId()).isEqualTo(MarkupChecks.XHTML_MP_12_PUBLIC_ID);
                assertThat(page.getDocumentElement().getNamespaceURI()).isEqualTo(XHTML_NAMESPACE);
                assertThat(page.getDocumentElement().getLocalName()).isEqualTo("html");
            }
            case WML -> {
                MarkupChecks.validWml(body);
                // Every $ is WML's own: $$ for a dollar sign, $(name) for a variable.
                assertThat(body.replace("$$", "").replace("$(q)", "")).doesNotContain("$");
            }
            case HBBTV -> {
                Element root = MarkupChecks.wellFormedXml(body).getDocumentElement();
                assertThat(root.getLocalName()).isEqualTo("div");
                assertThat(root.getNamespaceURI()).isEqualTo(XHTML_NAMESPACE);
            }
            case SMS -> {
                assertThat(new SmsBudget().fits(body)).as("fits the SMS budget: %s", body).isTrue();
                assertThat(body).isEqualTo(body.strip());
            }
            case EMAIL -> assertThat(body).as("plain text, every template reference rendered").isEqualTo(body.strip())
                    .doesNotContain("$text", "$topic", "$point", "$queue", "$message", "#end", "#foreach");
            case TWIML -> {
                Element root = MarkupChecks.wellFormedXml(body).getDocumentElement();
                assertThat(root.getTagName()).isEqualTo("Response");
                assertThat(root.getElementsByTagName("Message").getLength()).isEqualTo(1);
            }
        }
    }

    private static String firstWords(String text) {
        return text.substring(0, Math.min(20, text.length()));
    }
}
