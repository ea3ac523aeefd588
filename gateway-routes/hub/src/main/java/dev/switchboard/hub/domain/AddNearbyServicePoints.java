package dev.switchboard.hub.domain;

import dev.switchboard.hub.places.NearbyServicePoints;
import dev.switchboard.spi.Reply;
import java.time.Clock;

/**
 * Adds to an answer the company's service points nearest to where the customer is (his latest known
 * location, from this message or an earlier one) and his region. Errors and conversation views are left
 * as they are.
 */
public final class AddNearbyServicePoints {
    /** How many service points an answer lists. */
    public static final int POINTS_SHOWN = 5;

    private final NearbyServicePoints servicePoints;
    private final Clock clock;

    public AddNearbyServicePoints(NearbyServicePoints servicePoints, Clock clock) {
        this.servicePoints = servicePoints;
        this.clock = clock;
    }

    public Reply to(Reply reply, CustomerContext context) {
        boolean answersTheCustomer = reply.view() == Reply.View.ANSWER || reply.view() == Reply.View.QUEUE_STATUS;
        if (!answersTheCustomer || !context.hasLocation()) {
            return reply;
        }
        return reply.withNearby(
                servicePoints.nearest(context.latitude(), context.longitude(), POINTS_SHOWN, clock.instant()),
                context.region());
    }
}
