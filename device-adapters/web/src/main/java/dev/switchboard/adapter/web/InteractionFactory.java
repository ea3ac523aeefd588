package dev.switchboard.adapter.web;

import dev.switchboard.spi.AppInstallId;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.CustomerAddress;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.Interaction;
import java.time.Clock;
import java.util.UUID;

/**
 * Completes a {@link HelpRequest} into an {@link Interaction}: channel {@code mobile-app} for a conversation
 * opened from the mobile app's install id, else {@code web-chat}; profile HTML5, the
 * user agent from its header, and the idempotency key from the body, else the {@code Idempotency-Key}
 * header, else a random UUID.
 */
final class InteractionFactory {
    private final Clock clock;

    InteractionFactory(Clock clock) {
        this.clock = clock;
    }

    /** A message that opens or continues the conversation of the body's visitor id, or of a fresh one. */
    Interaction fromVisitor(HelpRequest request, ClientHeaders headers) {
        return toConversation(request, request.sender() != null ? request.sender() : VisitorIds.fresh(), headers);
    }

    /** A message to the conversation opened from {@code address}; a visitor or install id in the body is not used. */
    Interaction toConversation(HelpRequest request, CustomerAddress address, ClientHeaders headers) {
        String clientKey = request.idempotencyKey() != null ? request.idempotencyKey() : headers.idempotencyKey();
        boolean repeatable = clientKey != null;
        return new Interaction(repeatable ? clientKey : UUID.randomUUID().toString(), channelOf(address),
                DeviceProfile.HTML5, address, request.text(), request.context().withUserAgent(headers.userAgent()),
                clock.instant(), repeatable, request.request(), request.forAgent());
    }

    /** The channel of a conversation opened from {@code address}: the app's install id, else the web chat. */
    static Channel channelOf(CustomerAddress address) {
        return address instanceof AppInstallId ? Channel.MOBILE_APP : Channel.WEB_CHAT;
    }
}
