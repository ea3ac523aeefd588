package dev.switchboard.adapter.wap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import dev.switchboard.spi.DeviceProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WML to WAP 1.x phones, XHTML-MP to WAP 2.0 browsers, HTML5 to the rest; a parameter overrides. */
class ProfileChoiceTest {
    private static final String DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "WML-only Accept                | text/vnd.wap.wml, image/vnd.wap.wbmp            | -                                                    | -    | WML",
            "XHTML-MP in Accept             | application/vnd.wap.xhtml+xml, text/html;q=0.5 | -                                                    | -    | XHTML_MP",
            "UAProf header                  | */*                                            | -                                                    | http://nds.nokia.com/uaprof/N6230r200.xml | XHTML_MP",
            "WML and HTML in Accept         | text/html, text/vnd.wap.wml                    | -                                                    | -    | XHTML_MP",
            "old UP.Browser                 | */*                                            | UP.Browser/4.1.26l UP.Link/4.2.3.5h                  | -    | WML",
            "Nokia 7110                     | */*                                            | Nokia7110/1.0 (05.01)                                | -    | WML",
            "Series 40 phone                | */*                                            | Nokia6230/2.0 (04.44) Profile/MIDP-2.0 Configuration/CLDC-1.1 | - | XHTML_MP",
            "desktop browser                | text/html,application/xhtml+xml,*/*;q=0.8      | " + DESKTOP + "                                       | -    | HTML5",
            "nothing said                   | -                                              | -                                                    | -    | HTML5"})
    void theProfileFollowsWhatTheBrowserSays(String why, String accept, String userAgent, String wapProfile,
                                             DeviceProfile expected) {
        assertThat(ProfileChoice.choose(null, null, accept, userAgent, wapProfile)).isEqualTo(expected);
    }

    @Test
    void anExplicitChoiceWinsThenTheSessionsChoice() {
        assertThat(ProfileChoice.choose("wml", DeviceProfile.XHTML_MP, "text/html", DESKTOP, null)).isEqualTo(DeviceProfile.WML);
        assertThat(ProfileChoice.choose(null, DeviceProfile.XHTML_MP, "text/html", DESKTOP, null)).isEqualTo(DeviceProfile.XHTML_MP);
        assertThatThrownBy(() -> ProfileChoice.choose("sms", null, null, null, null)).isInstanceOf(BadWapRequest.class);
    }

    @Test
    void eachKindOfBrowserGetsItsMarkupOverHttpAndAParameterOverridesAcrossTheSession() throws Exception {
        try (WapServer server = new WapServer(Map.of())) {
            URI origin = server.origin();
            Page deck = WapBrowser.wmlPhone(origin).open("/wap");
            Page mp = new WapBrowser(origin).header("Accept", WapBrowser.XHTML_MP_ACCEPT).open("/wap");
            WapBrowser desktop = new WapBrowser(origin).header("Accept", "text/html").header("User-Agent", DESKTOP);
            Page html = desktop.open("/wap");
            Page forcedDeck = desktop.open("/wap?profile=wml");

            assertThat(deck.contentType()).isEqualTo("text/vnd.wap.wml; charset=UTF-8");
            assertThat(mp.contentType()).isEqualTo("application/vnd.wap.xhtml+xml; charset=UTF-8");
            assertThat(html.contentType()).startsWith("text/html");
            assertThat(forcedDeck.contentType()).startsWith("text/vnd.wap.wml");
            assertThat(html.text()).contains(WapServlet.WELCOME);
            assertThat(mp.text()).contains(WapServlet.WELCOME, "Opening hours");

            Page answer = desktop.open(forcedDeck.link("Opening hours"));
            assertThat(answer.contentType()).startsWith("text/vnd.wap.wml");
            Page thread = desktop.follow(answer, "Your conversation");
            assertThat(thread.contentType()).startsWith("text/vnd.wap.wml");
        }
    }

    @Test
    void anXhtmlMpBrowserAsksWithItsForm() throws Exception {
        try (WapServer server = new WapServer(Map.of())) {
            WapBrowser browser = new WapBrowser(server.origin()).header("Accept", WapBrowser.XHTML_MP_ACCEPT);
            Page entry = browser.open("/wap");
            String action = entry.document().getElementsByTagName("form").item(0).getAttributes()
                    .getNamedItem("action").getNodeValue();

            Page answer = browser.post(action, Map.of("q", "Are you open on Sunday?", "w", "Leeds"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).contains("Answer to: Are you open on Sunday?");
            assertThat(server.helpDesk.lastSubmitted().profile()).isEqualTo(DeviceProfile.XHTML_MP);
            assertThat(server.helpDesk.lastSubmitted().context().placeName()).isEqualTo("Leeds");
        }
    }

    @Test
    void anXhtmlMpBrowserAsksToBeTextedWithItsForm() throws Exception {
        try (WapServer server = new WapServer(Map.of())) {
            WapBrowser browser = new WapBrowser(server.origin()).header("Accept", WapBrowser.XHTML_MP_ACCEPT);
            Page contact = browser.open("/wap/contact");
            String action = contact.document().getElementsByTagName("form").item(0).getAttributes()
                    .getNamedItem("action").getNodeValue();

            Page confirmed = browser.post(action, Map.of("n", "+44 7700 900123", "how", "Text me"));

            assertThat(confirmed.status()).isEqualTo(200);
            assertThat(confirmed.text()).contains("Answer to: Please text me at +447700900123.");
            assertThat(server.helpDesk.lastSubmitted().text()).isEqualTo("Please text me at +447700900123.");
        }
    }
}
