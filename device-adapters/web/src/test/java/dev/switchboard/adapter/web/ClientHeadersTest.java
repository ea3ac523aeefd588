package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def", "bearer abc.def", "BEARER   abc.def  "})
    void readsABearerTokenInAnyCase(String authorization) {
        assertThat(ClientHeaders.bearerToken(authorization)).isEqualTo("abc.def");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer    ", "Basic dXNlcjpwYXNz", "Bearerabc", "Token abc"})
    void anythingButABearerTokenIsNoToken(String authorization) {
        assertThat(ClientHeaders.bearerToken(authorization)).isNull();
    }

    @Test
    void keepsTheUserAgentTrimmedAndCutToItsLimit() {
        assertThat(ClientHeaders.of("  Mozilla/5.0  ", null, null).userAgent()).isEqualTo("Mozilla/5.0");
        assertThat(ClientHeaders.of(" ", null, null).userAgent()).isNull();
        assertThat(ClientHeaders.of("x".repeat(600), null, null).userAgent()).hasSize(512);
    }

    @Test
    void checksTheIdempotencyKeyHeader() {
        assertThat(ClientHeaders.of(null, "key-1", null).idempotencyKey()).isEqualTo("key-1");
        assertThatThrownBy(() -> ClientHeaders.of(null, "k".repeat(201), null))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(JsonErrors.INVALID_IDEMPOTENCY_KEY))
                .hasMessage("the Idempotency-Key header is longer than 200 characters");
        assertThatThrownBy(() -> ClientHeaders.of(null, "  ", null)).hasMessage("the Idempotency-Key header is blank");
    }

    @Test
    void neverShowsTheTokenInItsTextForm() {
        assertThat(ClientHeaders.of("ua", "k", "Bearer very-secret").toString())
                .doesNotContain("very-secret")
                .contains("(hidden)");
    }
}
