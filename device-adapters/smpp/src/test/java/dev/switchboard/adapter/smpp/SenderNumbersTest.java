package dev.switchboard.adapter.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.InvalidAddressException;
import org.junit.jupiter.api.Test;

class SenderNumbersTest {
    private final SenderNumbers numbers = new SenderNumbers("48");

    @Test
    void theTypeOfNumberDecidesTheE164Form() {
        assertThat(numbers.toE164((byte) 1, "48601234567").value()).isEqualTo("+48601234567");
        assertThat(numbers.toE164((byte) 1, "+447700900123").value()).isEqualTo("+447700900123");
        assertThat(numbers.toE164((byte) 2, "0601234567").value()).isEqualTo("+48601234567");
        assertThat(numbers.toE164((byte) 0, "00447700900123").value()).isEqualTo("+447700900123");
        assertThat(numbers.toE164((byte) 0, "0601234567").value()).isEqualTo("+48601234567");
        assertThat(numbers.toE164((byte) 0, "447700900123").value()).isEqualTo("+447700900123");
    }

    @Test
    void aSenderThatCannotBeAnsweredIsRefusedWithTheReason() {
        assertThatThrownBy(() -> numbers.toE164((byte) 5, "BANK")).isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining("alphanumeric");
        assertThatThrownBy(() -> numbers.toE164((byte) 1, "12ab")).isInstanceOf(InvalidAddressException.class);
    }
}
