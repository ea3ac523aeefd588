package dev.switchboard.adapter.wap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.testkit.LogCapture;
import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.Interaction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An anonymous phone verifies its number by a code the SMS channel texts it; WML decks, XHTML-MP and HTML5
 * pages alike. Every deck is checked against the WML 1.1 DTD by the browser.
 */
class NumberVerificationTest {
    private static final String NUMBER = "+48605000123";
    private static final String VERIFY = "Verify my number";

    private final RecordingPhoneTexter sms = new RecordingPhoneTexter();
    private final MovableClock clock = new MovableClock(WapServer.NOW);
    private final LogCapture log = LogCapture.everything();
    private WapServer server;
    private WapBrowser phone;

    @BeforeEach
    void start() throws Exception {
        server = new WapServer(Map.of(), clock, sms);
        phone = WapBrowser.wmlPhone(server.origin());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        log.close();
    }

    @Test
    void aPhoneVerifiesItsNumberFromTheEntryDeckAndWritesAsThatNumberFromThenOn() {
        Page verify = phone.follow(phone.open("/wap"), VERIFY);
        assertThat(verify.cards()).containsExactly("main", "number");
        assertThat(verify.text()).contains("6-digit code", "10 minutes");

        Page codeDeck = phone.submit(verify, "Text me a code", Map.of("n", NUMBER));

        assertThat(codeDeck.status()).isEqualTo(200);
        assertThat(codeDeck.cards()).containsExactly("main", "number", "code");
        assertThat(codeDeck.text()).contains("We texted a 6-digit code to " + NUMBER);
        assertThat(sms.texts()).singleElement().satisfies(text -> assertThat(text.to()).isEqualTo(new E164Number(NUMBER)));
        String code = sms.lastCode();
        assertThat(codeDeck.body()).doesNotContain(code);

        Page verified = phone.submit(codeDeck, "Verify", Map.of("c", code));

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.text()).contains("we know you as " + NUMBER);
        assertThat(verified.links().values()).doesNotContain(VERIFY);
        phone.submit(verified, "Send", Map.of("q", "Where is my parcel?"));
        Interaction question = server.helpDesk.lastSubmitted();
        assertThat(question.address().key()).isEqualTo("e164:" + NUMBER);
        assertThat(server.helpDesk.submitted()).hasSize(1);
        assertThat(sessionsAsStored()).doesNotContain(code);
        assertThat(loggedLines()).isNotEmpty().noneMatch(line -> line.contains(code));

        Page again = phone.follow(verified, "Text me or call me back");
        assertThat(again.text()).contains("Leave it empty to use " + NUMBER);
        Page textMe = phone.submit(again, "Text me", Map.of());
        assertThat(server.helpDesk.lastSubmitted().text()).isEqualTo("Please text me at " + NUMBER
                + " (this phone's number, verified by a texted code).");
        assertThat(textMe.status()).isEqualTo(200);
    }

    @Test
    void anAnonymousSessionVerifiesAndItsNextQuestionGoesAsTheNumber() {
        Page answer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "What are your opening hours?"));
        String visitor = server.helpDesk.lastSubmitted().address().key();
        assertThat(visitor).startsWith("visitor:wap-");

        clock.advance(Duration.ofMinutes(1));
        Page codeDeck = phone.submit(phone.follow(answer, VERIFY), "Text me a code", Map.of("n", NUMBER));
        Page verified = phone.submit(codeDeck, "Verify", Map.of("c", sms.lastCode()));
        Page sundays = phone.submit(verified, "Send", Map.of("q", "And on Sundays?"));

        assertThat(server.helpDesk.lastSubmitted().address().key()).isEqualTo("e164:" + NUMBER);
        assertThat(verified.link("Help home")).isEqualTo(answer.link("Help home"));
        String thread = String.join(" ", phone.withMorePages(phone.follow(sundays, "Your conversation")).stream()
                .map(Page::text).toList());
        assertThat(thread).as("the questions asked before verifying too, in the order asked")
                .contains("What are your opening hours?", "And on Sundays?");
        assertThat(thread.indexOf("And on Sundays?")).isLessThan(thread.indexOf("What are your opening hours?"));
    }

    @Test
    void fiveWrongCodesLockTheCodeAndTheRightOneIsRefusedAfterwards() {
        Page codeDeck = phone.submit(phone.follow(phone.open("/wap"), VERIFY), "Text me a code", Map.of("n", NUMBER));
        String code = sms.lastCode();
        String wrong = code.equals("111111") ? "222222" : "111111";

        for (int left = 4; left >= 1; left--) {
            Page error = phone.submit(codeDeck, "Verify", Map.of("c", wrong));
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.cards()).containsExactly("error");
            assertThat(error.text()).contains("not the code we texted", left + (left == 1 ? " try is left" : " tries are left"));
            assertThat(error.body()).contains("<prev/>");
        }
        Page locked = phone.submit(codeDeck, "Verify", Map.of("c", wrong));
        assertThat(locked.status()).isEqualTo(400);
        assertThat(locked.text()).contains("no longer taken", "Ask for a new one");

        Page refused = phone.submit(codeDeck, "Verify", Map.of("c", code));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("no longer taken");

        Page fresh = phone.submit(codeDeck, "Text me a code", Map.of("n", NUMBER));
        Page verified = phone.submit(fresh, "Verify", Map.of("c", sms.lastCode()));
        assertThat(verified.text()).contains("we know you as " + NUMBER);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTryThatCrossesAnotherOfTheSameSessionIsNotJudgedAndTheOtherStaysCounted() {
        Page codeDeck = phone.submit(phone.follow(phone.open("/wap"), VERIFY), "Text me a code", Map.of("n", NUMBER));
        String wrong = sms.lastCode().equals("111111") ? "222222" : "111111";
        String sessionId = codeDeck.link("Help home").replaceAll("^/wap/s/([^/]+)/$", "$1");
        WapServer.HookedMap<WapSession> stored =
                (WapServer.HookedMap<WapSession>) server.gateway.sharedMaps().get("sessions");
        // Another request of the session keys in a wrong code after this one read the session.
        stored.afterNextGet = () -> stored.computeIfPresent(sessionId,
                (id, session) -> session.codeTried(session.numberCheck().check(wrong, clock.instant()).after()));

        Page crossed = phone.submit(codeDeck, "Verify", Map.of("c", wrong));

        assertThat(crossed.status()).isEqualTo(409);
        assertThat(crossed.text()).contains("sent this twice at once", "Back");
        assertThat(stored.get(sessionId).numberCheck().wrongTries()).isEqualTo(1);
        assertThat(phone.submit(codeDeck, "Verify", Map.of("c", wrong)).text()).contains("3 tries are left");
    }

    @Test
    void aCodeKeyedInAfterItsLifetimeIsRefused() {
        Page codeDeck = phone.submit(phone.follow(phone.open("/wap"), VERIFY), "Text me a code", Map.of("n", NUMBER));
        clock.advance(Duration.ofMinutes(10));

        Page expired = phone.submit(codeDeck, "Verify", Map.of("c", sms.lastCode()));

        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.text()).contains("That code has expired");
        phone.submit(phone.follow(expired, "Help home"), "Send", Map.of("q", "Still anonymous?"));
        assertThat(server.helpDesk.lastSubmitted().address().key()).startsWith("visitor:wap-");
    }

    @Test
    void aSessionHasAtMostThreeCodesTexted() {
        Page deck = phone.follow(phone.open("/wap"), VERIFY);
        for (int i = 0; i < WapServlet.MAX_CODES_PER_SESSION; i++) {
            deck = phone.submit(deck, "Text me a code", Map.of("n", NUMBER));
            assertThat(deck.status()).isEqualTo(200);
        }

        Page refused = phone.submit(deck, "Text me a code", Map.of("n", NUMBER));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text()).contains("3 codes texted already");
        assertThat(sms.texts()).hasSize(3);
    }

    @Test
    void anEmptyOrMalformedNumberOrCodeGetsAnErrorCardWithAWayBack() {
        Page verify = phone.follow(phone.open("/wap"), VERIFY);
        assertError(phone.submit(verify, "Text me a code", Map.of()), 400, "please key in your number");
        assertError(phone.submit(verify, "Text me a code", Map.of("n", "0605 <b>")), 400,
                "not a phone number in international form");
        assertThat(sms.texts()).isEmpty();

        Page codeDeck = phone.submit(verify, "Text me a code", Map.of("n", NUMBER));
        assertError(phone.submit(codeDeck, "Verify", Map.of()), 400, "please key in the 6-digit code");
        assertError(phone.submit(codeDeck, "Verify", Map.of("c", "12a4<5")), 400, "the 6 digits we texted you");
        assertError(phone.submit(codeDeck, "Verify", Map.of("c", "1234567")), 400, "the 6 digits we texted you");
        assertThat(phone.submit(codeDeck, "Verify", Map.of("c", sms.lastCode())).status())
                .as("malformed codes are no tries").isEqualTo(200);

        assertError(phone.post("/wap/check-code", Map.of("c", "123456")), 404, "texted this help session no code");
        assertError(phone.open(codeDeck.link("Help home") + "send-code"), 405, "please send the form");
    }

    @Test
    void aChannelThatCannotTextGetsAnErrorCardAndCostsNoCode() {
        Page verify = phone.follow(phone.open("/wap"), VERIFY);
        sms.away(true);
        assertError(phone.submit(verify, "Text me a code", Map.of("n", NUMBER)), 503, "could not text your number");

        sms.away(false);
        Page deck = phone.submit(verify, "Text me a code", Map.of("n", NUMBER));
        sms.away(true);
        assertError(phone.submit(deck, "Text me a code", Map.of("n", NUMBER)), 503, "could not text your number");
        sms.away(false);
        for (int i = 1; i < WapServlet.MAX_CODES_PER_SESSION; i++) {
            deck = phone.submit(deck, "Text me a code", Map.of("n", NUMBER));
            assertThat(deck.status()).isEqualTo(200);
        }
        assertThat(sms.texts()).hasSize(WapServlet.MAX_CODES_PER_SESSION);
    }

    @Test
    void xhtmlMpAndHtml5PagesOfferTheSameForms() {
        for (WapBrowser browser : new WapBrowser[] {
                new WapBrowser(server.origin()).header("Accept", WapBrowser.XHTML_MP_ACCEPT),
                new WapBrowser(server.origin()).header("Accept", "text/html")}) {
            Page verify = browser.follow(browser.open("/wap"), VERIFY);
            Page codePage = browser.submitForm(verify, Map.of("n", NUMBER));
            assertThat(codePage.status()).isEqualTo(200);
            assertThat(codePage.body()).contains("name=\"c\"");
            Page verified = browser.post(formAction(codePage, "c"), Map.of("c", sms.lastCode()));
            assertThat(verified.text()).contains("we know you as " + NUMBER);
        }
    }

    @Test
    void withoutAnSmsChannelNoPageOffersVerificationAndAskingDirectlySaysWhy() throws Exception {
        try (WapServer withoutSms = new WapServer(Map.of())) {
            WapBrowser other = WapBrowser.wmlPhone(withoutSms.origin());
            Page entry = other.open("/wap");
            assertThat(entry.links().values()).doesNotContain(VERIFY);

            assertError(other.open("/wap/verify"), 404, "needs our SMS channel, which is off");
            assertError(other.post("/wap/send-code", Map.of("n", NUMBER)), 404, "needs our SMS channel");
        }
    }

    @Test
    void aPhoneTheOperatorIdentifiesIsNotOfferedVerification() throws Exception {
        try (WapServer trusted = new WapServer(Map.of(WapSettings.TRUSTED_GATEWAYS, "127.0.0.0/8"), clock, sms)) {
            WapBrowser identified = WapBrowser.wmlPhone(trusted.origin()).header("X-MSISDN", "48601234567");
            assertThat(identified.open("/wap").links().values()).doesNotContain(VERIFY);
            assertError(identified.open("/wap/verify"), 409, "knows your number already: +48601234567");
        }
    }

    private static void assertError(Page page, int status, String reason) {
        assertThat(page.status()).isEqualTo(status);
        assertThat(page.cards()).containsExactly("error");
        assertThat(page.text()).containsIgnoringCase(reason).contains("Back");
    }

    /** The action of the form with a field named {@code field}. */
    private static String formAction(Page page, String field) {
        var forms = page.document().getElementsByTagName("form");
        for (int i = 0; i < forms.getLength(); i++) {
            var form = (org.w3c.dom.Element) forms.item(i);
            var inputs = form.getElementsByTagName("input");
            for (int j = 0; j < inputs.getLength(); j++) {
                if (field.equals(((org.w3c.dom.Element) inputs.item(j)).getAttribute("name"))) {
                    return form.getAttribute("action");
                }
            }
        }
        throw new AssertionError("no form with " + field + " in:\n" + page.body());
    }

    private String sessionsAsStored() {
        StringBuilder stored = new StringBuilder();
        server.gateway.sharedMaps().values().forEach(map -> map.values().forEach(value -> stored.append(value).append('\n')
                .append(value instanceof WapSession session && session.numberCheck() != null
                        ? session.numberCheck().toString() : "")));
        return stored.toString();
    }

    private List<String> loggedLines() {
        return log.events().stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())).toList();
    }

}
