package dev.switchboard.adapter.wap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.switchboard.adapter.testkit.LogCapture;
import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import dev.switchboard.spi.Interaction;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Empty, over-long and malformed fields and unknown sessions get a WML error card that says what is wrong
 * and offers a way back, are logged, and take nothing away from the questions that were fine.
 */
class BadInputTest {
    private WapServer server;
    private WapBrowser phone;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        server = new WapServer(Map.of(WapSettings.MAX_TEXT_LENGTH, "200"));
        phone = WapBrowser.wmlPhone(server.origin());
        log = new LogCapture(WapServlet.class);
    }

    @AfterEach
    void stop() throws Exception {
        log.close();
        server.close();
    }

    static Stream<Arguments> badQuestions() {
        return Stream.of(
                Arguments.of("empty", "q=", 400, "Your question was empty"),
                Arguments.of("only spaces", "q=%20%20%20", 400, "Your question was empty"),
                Arguments.of("over-long", "q=" + "a".repeat(201), 400, "longer than 200 characters"),
                Arguments.of("control characters", "q=hello%07there", 400, "characters we cannot read"),
                Arguments.of("broken percent-encoding", "q=%E0%A4%A", 400, "could not read"),
                Arguments.of("invalid UTF-8", "q=%C3%28", 400, "could not read"),
                Arguments.of("the field twice", "q=one&q=two", 400, "sent more than once"),
                Arguments.of("a malformed key", "q=hello&k=%3Cscript%3E", 400, "key is malformed"),
                Arguments.of("a place with markup", "q=hello&w=%3Cb%3ELeeds", 400, "town or postcode"),
                Arguments.of("an unknown profile", "q=hello&profile=sms", 400, "wml, xhtml-mp or html5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQuestions")
    void aBadQuestionGetsAnErrorCardWithAWayBack(String why, String form, int status, String reason) {
        Page error = phone.postRaw("/wap/ask", form);

        assertThat(error.status()).isEqualTo(status);
        assertThat(error.isWml()).isTrue();
        assertThat(error.cards()).containsExactly("error");
        assertThat(error.text()).contains("Sorry:", reason);
        assertThat(error.body()).contains("<do type=\"prev\"", "<prev/>");
        assertThat(error.links().keySet()).containsExactly("/wap");
        assertThat(error.body()).doesNotContain("<script>", "<b>Leeds");
        assertThat(server.helpDesk.submitted()).isEmpty();
        assertThat(log.events()).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("/wap/ask", String.valueOf(status)));
    }

    @Test
    void anUnknownOrMalformedSessionGetsTheSameErrorCardAndAWayToStartAgain() {
        for (String path : new String[] {"/wap/s/AAAAAAAAAAAAAAAAAAAAAA/thread", "/wap/s/short/thread",
                "/wap/s/%3Cscript%3E/ask?q=hi", "/wap/s/AAAAAAAAAAAAAAAAAAAAAA/"}) {
            Page error = phone.open(path);

            assertThat(error.status()).as(path).isIn(400, 404);
            assertThat(error.cards()).containsExactly("error");
            assertThat(error.links().keySet()).containsExactly("/wap");
        }
        assertThat(phone.open("/wap/s/AAAAAAAAAAAAAAAAAAAAAA/thread").text()).contains("expired or is unknown");
        assertThat(server.helpDesk.submitted()).isEmpty();
    }

    @Test
    void badPagesAndUnknownAddressesGetErrorCardsInsideTheSession() {
        Page answer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "long question"));
        String more = answer.link("More");
        String sessionHome = answer.link("Help home");

        Page notANumber = phone.open(more.replaceAll("p=\\d+", "p=two"));
        Page pastTheEnd = phone.open(more.replaceAll("p=\\d+", "p=999"));
        Page unknown = phone.open(sessionHome + "nothing-here");
        Page getCallback = phone.open(sessionHome + "callback?how=call&n=%2B48600100200");

        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(pastTheEnd.status()).isEqualTo(404);
        assertThat(pastTheEnd.text()).contains("no page 999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(getCallback.status()).isEqualTo(405);
        for (Page error : new Page[] {notANumber, pastTheEnd, unknown, getCallback}) {
            assertThat(error.cards()).containsExactly("error");
            assertThat(error.links().keySet()).containsExactly(sessionHome);
        }
        assertThat(server.helpDesk.submitted()).hasSize(1);
    }

    @Test
    void badRequestsBetweenGoodOnesLoseNothing() {
        Page first = phone.submit(phone.open("/wap"), "Send", Map.of("q", "First question"));
        String ask = first.link("Help home") + "ask";

        phone.postRaw(ask, "q=");
        phone.postRaw(ask, "q=%E0%A4%A");
        phone.postRaw(ask, "q=" + "x".repeat(5_000));
        Page second = phone.submit(first, "Send", Map.of("q", "Second question"));
        Page thread = phone.follow(second, "Your conversation");

        assertThat(second.text()).contains("Answer to: Second question");
        assertThat(server.helpDesk.submitted()).extracting(Interaction::text).containsExactly("First question", "Second question");
        assertThat(thread.text()).contains("Second question", "Answer to: First question");
    }
}
