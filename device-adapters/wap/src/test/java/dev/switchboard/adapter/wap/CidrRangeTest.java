package dev.switchboard.adapter.wap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrRangeTest {
    @Test
    void anAddressIsInARangeWhenItsPrefixMatches() {
        CidrRange range = CidrRange.parse("key", "10.20.128.0/17");

        assertThat(range.contains("10.20.200.7")).isTrue();
        assertThat(range.contains("10.20.127.255")).isFalse();
        assertThat(range.contains("10.21.200.7")).isFalse();
        assertThat(range.contains("::1")).isFalse();
        assertThat(range.contains("not an address")).isFalse();
    }

    @Test
    void aSingleAddressAndIpv6RangesWork() {
        assertThat(CidrRange.parse("key", "127.0.0.1").contains("127.0.0.1")).isTrue();
        assertThat(CidrRange.parse("key", "127.0.0.1").contains("127.0.0.2")).isFalse();
        assertThat(CidrRange.parse("key", "2001:db8::/32").contains("2001:db8:1::5")).isTrue();
        assertThat(CidrRange.parse("key", "2001:db8::/32").contains("2001:db9::5")).isFalse();
    }

    @Test
    void hostNamesAndBadPrefixesAreRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> CidrRange.parse("switchboard.wap.trusted-gateways", "gateway.example"))
                .hasMessageContaining("switchboard.wap.trusted-gateways").hasMessageContaining("gateway.example");
        assertThatThrownBy(() -> CidrRange.parse("key", "cafe")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CidrRange.parse("key", "10.0.0.0/33")).hasMessageContaining("prefix length");
    }
}
