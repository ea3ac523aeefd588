package dev.switchboard.adapter.wap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.wap.testing.WapBrowser;
import dev.switchboard.adapter.wap.testing.WapBrowser.Page;
import dev.switchboard.spi.ContactRequest;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.GeoLocation;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.LocationSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator's MSISDN and location headers are believed only from a trusted WAP gateway address. The
 * tests send them from 127.0.0.1, to a gateway whose trusted range includes loopback and to one whose
 * range does not.
 */
class OperatorIdentityTest {
    private static final Map<String, String> LOOPBACK_TRUSTED = Map.of(WapSettings.TRUSTED_GATEWAYS, "10.20.0.0/16, 127.0.0.0/8");
    private static final Map<String, String> LOOPBACK_NOT_TRUSTED = Map.of(WapSettings.TRUSTED_GATEWAYS, "10.20.0.0/16");

    @Test
    void aTrustedGatewaysMsisdnIsTheCustomersAddressAndItsLocationTheContext() throws Exception {
        try (WapServer server = new WapServer(LOOPBACK_TRUSTED)) {
            WapBrowser phone = WapBrowser.wmlPhone(server.origin())
                    .header("X-MSISDN", "48601234567").header("X-Location", "50.0614,19.9366,250");

            Page answer = phone.submit(phone.open("/wap"), "Send", Map.of("q", "Where is the nearest shop?"));

            assertThat(answer.status()).isEqualTo(200);
            Interaction question = server.helpDesk.lastSubmitted();
            assertThat(question.address().key()).isEqualTo("e164:+48601234567");
            assertThat(question.address().selfAsserted()).isFalse();
            assertThat(question.context().location())
                    .isEqualTo(new GeoLocation(50.0614, 19.9366, 250.0, LocationSource.OPERATOR));
        }
    }

    @Test
    void theSameHeadersFromAnUntrustedAddressAreIgnoredAndTheCustomerStaysAnonymous() throws Exception {
        try (WapServer server = new WapServer(LOOPBACK_NOT_TRUSTED)) {
            WapBrowser phone = WapBrowser.wmlPhone(server.origin())
                    .header("X-MSISDN", "48601234567").header("X-Location", "50.0614,19.9366");

            phone.submit(phone.open("/wap"), "Send", Map.of("q", "Where is the nearest shop?"));

            Interaction question = server.helpDesk.lastSubmitted();
            assertThat(question.address().kind()).isEqualTo("visitor");
            assertThat(question.address().value()).startsWith("wap-");
            assertThat(question.context().location()).isNull();
        }
    }

    @Test
    void theHeaderNamesAreConfigurable() throws Exception {
        try (WapServer server = new WapServer(Map.of(WapSettings.TRUSTED_GATEWAYS, "127.0.0.1",
                WapSettings.MSISDN_HEADERS, "X-Operator-Subscriber"))) {
            WapBrowser phone = WapBrowser.wmlPhone(server.origin()).header("X-Operator-Subscriber", "+447700900123")
                    .header("X-MSISDN", "48601234567");

            phone.submit(phone.open("/wap"), "Send", Map.of("q", "hello"));

            assertThat(server.helpDesk.lastSubmitted().address().key()).isEqualTo("e164:+447700900123");
        }
    }

    @Test
    void anUpBrowserGatewaysCallingLineIdWorksToo() throws Exception {
        try (WapServer server = new WapServer(LOOPBACK_TRUSTED)) {
            WapBrowser phone = WapBrowser.wmlPhone(server.origin()).header("X-Up-Calling-Line-ID", "447700900456");

            phone.submit(phone.open("/wap"), "Send", Map.of("q", "hello"));

            assertThat(server.helpDesk.lastSubmitted().address().key()).isEqualTo("e164:+447700900456");
        }
    }

    @Test
    void aSubscribersNextSessionShowsHisConversationAgain() throws Exception {
        try (WapServer server = new WapServer(LOOPBACK_TRUSTED)) {
            WapBrowser phone = WapBrowser.wmlPhone(server.origin()).header("X-MSISDN", "48601234567");
            phone.submit(phone.open("/wap"), "Send", Map.of("q", "My first question"));

            Page laterSession = phone.submit(phone.open("/wap"), "Send", Map.of("q", "My second question"));
            Page thread = phone.follow(laterSession, "Your conversation");

            assertThat(thread.text()).contains("My second question", "Answer to: My first question");
        }
    }

    @Test
    void anOperatorIdentifiedSessionRefusesARequestWithoutItsNumber() throws Exception {
        try (WapServer server = new WapServer(LOOPBACK_TRUSTED)) {
            WapBrowser subscriber = WapBrowser.wmlPhone(server.origin()).header("X-MSISDN", "48601234567");
            Page answer = subscriber.submit(subscriber.open("/wap"), "Send", Map.of("q", "My bill"));
            String threadAddress = answer.link("Your conversation");

            Page stranger = WapBrowser.wmlPhone(server.origin()).open(threadAddress);
            Page otherSubscriber = WapBrowser.wmlPhone(server.origin()).header("X-MSISDN", "48609999999").open(threadAddress);

            for (Page refused : new Page[] {stranger, otherSubscriber}) {
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.cards()).containsExactly("error");
                assertThat(refused.text()).contains("belongs to another phone").doesNotContain("My bill");
            }
        }
    }

    @Test
    void aVerifiedSubscriberMayLeaveTheNumberEmptyToBeCalledBack() throws Exception {
        try (WapServer server = new WapServer(LOOPBACK_TRUSTED)) {
            WapBrowser phone = WapBrowser.wmlPhone(server.origin()).header("X-MSISDN", "48601234567");
            Page contact = phone.open("/wap/contact");
            assertThat(contact.text()).contains("Leave it empty to use +48601234567");

            Page confirmed = phone.submit(contact, "Call me back", Map.of());

            assertThat(confirmed.text()).contains("Answer to: Please call me back at +48601234567");
            assertThat(server.helpDesk.lastSubmitted().text())
                    .isEqualTo("Please call me back at +48601234567 (this phone's number, given by the operator).");
            assertThat(server.helpDesk.lastSubmitted().request()).isEqualTo(ContactRequest.callBack(new E164Number("+48601234567")));
        }
    }
}
