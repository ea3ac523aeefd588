package dev.switchboard.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RatingTest {

    @ParameterizedTest
    @ValueSource(strings = {"4", " 4 ", "4!", "4.", "4/5", "4 / 5", "\n4\n"})
    void aDigitAloneIsARatingReply(String text) {
        assertThat(Rating.fromReply(text)).contains(new Rating(4, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "6", "44", "4 stars", "thanks, and another question", "four", "4 thanks",
            "5 minutes ago I asked", "-4", "4/10"})
    void anythingElseIsAMessage(String text) {
        assertThat(Rating.fromReply(text)).isEmpty();
    }

    @Test
    void aScoreOutOfRangeOrALongCommentIsRefusedAndABlankCommentIsNone() {
        assertThatThrownBy(() -> new Rating(0, null)).hasMessageContaining("from 1 to 5");
        assertThatThrownBy(() -> new Rating(6, null)).hasMessageContaining("from 1 to 5");
        assertThatThrownBy(() -> new Rating(3, "x".repeat(Rating.MAX_COMMENT_LENGTH + 1))).hasMessageContaining("1000");
        assertThat(new Rating(3, "   ").comment()).isNull();
        assertThat(new Rating(3, "  fine ").comment()).isEqualTo("fine");
    }
}
