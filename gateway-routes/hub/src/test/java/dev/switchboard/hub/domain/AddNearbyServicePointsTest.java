package dev.switchboard.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.hub.places.NearbyServicePoints;
import dev.switchboard.hub.places.OpeningHours;
import dev.switchboard.hub.places.ServicePoint;
import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.QueueStatus;
import dev.switchboard.spi.Reply;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AddNearbyServicePointsTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final AddNearbyServicePoints add = new AddNearbyServicePoints(new NearbyServicePoints(
            IntStream.range(0, 8).mapToObj(i -> new ServicePoint("p" + i, "Point " + i, "Street " + i, 51.50 + i * 0.01,
                    -0.12, "England", LONDON, OpeningHours.parse("Mo-Su 09:00-17:00"))).toList()),
            Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
    private final CustomerContext inLondon = CustomerContext.NONE.updatedWith(
            new CustomerContext(51.5005, -0.12, 10.0, "gps", null, null, null, null, null, "London", "England"));

    @Test
    void answersAndQueueStatusesGetTheFiveNearestAndTheRegion() {
        Reply answer = add.to(Reply.answer("Open 9-17", Reply.Source.KNOWLEDGE_BASE, List.of()), inLondon);
        Reply queued = add.to(Reply.queued("Wait", QueueStatus.NOBODY_ON_DUTY), inLondon);

        assertThat(answer.nearby()).extracting(NearbyPoint::name)
                .containsExactly("Point 0", "Point 1", "Point 2", "Point 3", "Point 4");
        assertThat(answer.nearby()).allSatisfy(p -> assertThat(p.openNow()).isTrue());
        assertThat(answer.region()).isEqualTo("England");
        assertThat(queued.nearby()).hasSize(5);
    }

    @Test
    void errorsConversationsAndCustomersWithoutALocationGetNone() {
        assertThat(add.to(Reply.error("Empty message"), inLondon).nearby()).isEmpty();
        assertThat(add.to(Reply.conversation("Your thread", List.of()), inLondon).nearby()).isEmpty();
        Reply withoutLocation = add.to(Reply.answer("Hi", Reply.Source.KNOWLEDGE_BASE, List.of()), CustomerContext.NONE);
        assertThat(withoutLocation.nearby()).isEmpty();
        assertThat(withoutLocation.region()).isNull();
    }
}
