package dev.switchboard.hub.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private static ZonedDateTime at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(WARSAW);
    }

    @Test
    void weekdaysAndSaturday() {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-20:00; Sa 09:00-15:00");

        assertThat(hours.isOpenAt(at("2026-11-23T08:00"))).isTrue(); // Monday, opening minute
        assertThat(hours.isOpenAt(at("2026-11-23T20:00"))).isFalse(); // closing minute
        assertThat(hours.isOpenAt(at("2026-11-28T14:59"))).isTrue(); // Saturday
        assertThat(hours.isOpenAt(at("2026-11-29T12:00"))).isFalse(); // Sunday: no rule
    }

    @Test
    void splitDaysWrappedRangesMidnightAndAllWeek() {
        assertThat(OpeningHours.parse("Mo,We 09:00-13:00,14:00-18:00").isOpenAt(at("2026-11-25T13:30"))).isFalse();
        assertThat(OpeningHours.parse("Mo,We 09:00-13:00,14:00-18:00").isOpenAt(at("2026-11-25T14:30"))).isTrue();
        assertThat(OpeningHours.parse("Sa-Mo 18:00-24:00").isOpenAt(at("2026-11-29T23:59"))).isTrue();
        assertThat(OpeningHours.parse("24/7").isOpenAt(at("2026-11-29T03:00"))).isTrue();
    }

    @Test
    void theTimeIsReadInThePointsOwnZone() {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 09:00-17:00");
        ZonedDateTime eightThirtyInLondon = ZonedDateTime.parse("2026-11-23T08:30:00Z").withZoneSameInstant(ZoneId.of("Europe/London"));

        assertThat(hours.isOpenAt(eightThirtyInLondon)).isFalse();
        assertThat(hours.isOpenAt(eightThirtyInLondon.withZoneSameInstant(WARSAW))).isTrue();
    }

    @Test
    void whatCannotBeReadIsNamed() {
        assertThatThrownBy(() -> OpeningHours.parse("Mo-Xy 09:00-17:00")).hasMessageContaining("'Xy' is not a day");
        assertThatThrownBy(() -> OpeningHours.parse("Mo 9-17")).hasMessageContaining("not a time");
        assertThatThrownBy(() -> OpeningHours.parse("Mo 18:00-09:00")).hasMessageContaining("close before they open");
        assertThatThrownBy(() -> OpeningHours.parse("")).hasMessageContaining("empty");
    }
}
