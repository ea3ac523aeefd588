package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.AppInstallId;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.E164Number;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.WebVisitorId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InteractionFactoryTest {

    private static final Instant NOW = Instant.parse("2025-11-23T10:15:30Z");
    private final InteractionFactory factory = new InteractionFactory(Clock.fixed(NOW, ZoneOffset.UTC));
    private final DeviceContext context = DeviceContext.EMPTY.withLocale(Locale.forLanguageTag("pl-PL"));

    @Test
    void aWebMessageIsWebChatRenderedAsHtml5WithTheUserAgentAdded() {
        HelpRequest request = new HelpRequest("hello", new WebVisitorId("visitor-1234"), context, "k-1", null, false);

        Interaction interaction = factory.fromVisitor(request, ClientHeaders.of("Firefox/140", null, null));

        assertThat(interaction).isEqualTo(new Interaction("k-1", Channel.WEB_CHAT, DeviceProfile.HTML5,
                new WebVisitorId("visitor-1234"), "hello", context.withUserAgent("Firefox/140"), NOW));
    }

    @Test
    void withoutAVisitorIdEachMessageGetsAFreshRandomOne() {
        HelpRequest request = new HelpRequest("hello", null, DeviceContext.EMPTY, "k-1", null, false);
        ClientHeaders headers = ClientHeaders.of(null, null, null);

        String first = factory.fromVisitor(request, headers).address().value();
        String second = factory.fromVisitor(request, headers).address().value();

        assertThat(first).matches("v-[A-Za-z0-9_-]{22}").isNotEqualTo(second);
        assertThat(factory.fromVisitor(request, headers).address()).isInstanceOf(WebVisitorId.class);
    }

    @Test
    void theIdempotencyKeyComesFromTheBodyThenTheHeaderThenIsRandom() {
        HelpRequest withKey = new HelpRequest("hi", null, DeviceContext.EMPTY, "from-body", null, false);
        HelpRequest withoutKey = new HelpRequest("hi", null, DeviceContext.EMPTY, null, null, false);
        ClientHeaders headerKey = ClientHeaders.of(null, "from-header", null);
        ClientHeaders noHeaderKey = ClientHeaders.of(null, null, null);

        assertThat(factory.fromVisitor(withKey, headerKey).idempotencyKey()).isEqualTo("from-body");
        assertThat(factory.fromVisitor(withoutKey, headerKey).idempotencyKey()).isEqualTo("from-header");
        String random = factory.fromVisitor(withoutKey, noHeaderKey).idempotencyKey();
        assertThat(UUID.fromString(random).version()).isEqualTo(4);
        assertThat(factory.fromVisitor(withoutKey, noHeaderKey).idempotencyKey()).isNotEqualTo(random);
        assertThat(factory.fromVisitor(withKey, noHeaderKey).repeatable()).isTrue();
        assertThat(factory.fromVisitor(withoutKey, headerKey).repeatable()).isTrue();
        assertThat(factory.fromVisitor(withoutKey, noHeaderKey).repeatable())
                .as("a key the adapter made up cannot come again").isFalse();
    }

    @Test
    void aMessageToAConversationUsesTheConversationsAddressNotTheBodysVisitorId() {
        HelpRequest request = new HelpRequest("more", new WebVisitorId("someone-else"), context, null, null, false);

        Interaction interaction = factory.toConversation(request, new E164Number("+447700900123"),
                ClientHeaders.of("App/2.1", "k-9", "Bearer t"));

        assertThat(interaction.address()).isEqualTo(new E164Number("+447700900123"));
        assertThat(interaction.idempotencyKey()).isEqualTo("k-9");
        assertThat(interaction.channel()).isEqualTo(Channel.WEB_CHAT);
        assertThat(interaction.profile()).isEqualTo(DeviceProfile.HTML5);
        assertThat(interaction.context()).isEqualTo(context.withUserAgent("App/2.1"));
    }

    @Test
    void theMobileAppsMessagesGoAsChannelMobileAppOpenedAndContinued() {
        HelpRequest opening = new HelpRequest("hello", new AppInstallId("app-1234abcd"), context, "k-1", null, false);
        HelpRequest more = new HelpRequest("more", null, context, "k-2", null, false);

        assertThat(factory.fromVisitor(opening, ClientHeaders.of(null, null, null)).channel())
                .isEqualTo(Channel.MOBILE_APP);
        assertThat(factory.toConversation(more, new AppInstallId("app-1234abcd"), ClientHeaders.of(null, null, "Bearer t"))
                .channel()).isEqualTo(Channel.MOBILE_APP);
    }
}
