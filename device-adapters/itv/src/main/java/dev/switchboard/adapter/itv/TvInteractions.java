package dev.switchboard.adapter.itv;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceContext;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.Interaction;
import java.time.Clock;
import java.util.UUID;

/** Makes an {@link Interaction} of a {@link TvRequest}: channel {@code tv}, profile HbbTV, the box's user agent. */
final class TvInteractions {
    private static final int MAX_USER_AGENT_LENGTH = 512;

    private final Clock clock;

    TvInteractions(Clock clock) {
        this.clock = clock;
    }

    Interaction of(TvRequest request, String userAgent) {
        boolean repeatable = request.idempotencyKey() != null;
        DeviceContext context = DeviceContext.EMPTY.withTv(request.tv()).withUserAgent(shortened(userAgent));
        return new Interaction(repeatable ? request.idempotencyKey() : UUID.randomUUID().toString(), Channel.TV,
                DeviceProfile.HBBTV, request.setTopId(), request.text(), context, clock.instant(), repeatable);
    }

    private static String shortened(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        return userAgent.length() <= MAX_USER_AGENT_LENGTH ? userAgent : userAgent.substring(0, MAX_USER_AGENT_LENGTH);
    }
}
