package dev.switchboard.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerTokensTest {

    @Test
    void aTokenMatchesOnlyItsOwnHash() {
        String token = CustomerTokens.newToken();
        String other = CustomerTokens.newToken();

        assertThat(token).isNotEqualTo(other).hasSize(43);
        assertThat(CustomerTokens.matches(token, CustomerTokens.hash(token))).isTrue();
        assertThat(CustomerTokens.matches(other, CustomerTokens.hash(token))).isFalse();
        assertThat(CustomerTokens.matches(null, CustomerTokens.hash(token))).isFalse();
    }
}
