package dev.switchboard.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.SiteCustomerId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check of a site's signature on its logged-in customer's id. */
class SignedCustomerIdsTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef-site";
    private static final String OLD_SECRET = "fedcba9876543210fedcba9876543210-old";
    private static final Instant NOW = Instant.parse("2026-12-07T16:00:00Z");
    private static final long ISSUED = NOW.getEpochSecond() - 60;

    private final SignedCustomerIds ids = new SignedCustomerIds(List.of(SECRET, OLD_SECRET), Clock.fixed(NOW, ZoneOffset.UTC));

    private static String header(String secret, String id, long issuedAt) {
        return id + "." + issuedAt + "." + SignedCustomerIds.sign(secret, id, issuedAt);
    }

    @Test
    void anIdSignedWithAConfiguredSecretNamesTheSitesCustomer() {
        assertThat(ids.check(header(SECRET, "cust.42@shop", ISSUED))).isEqualTo(new SiteCustomerId("cust.42@shop"));
        assertThat(ids.check(header(OLD_SECRET, "cust-42", ISSUED))).isEqualTo(new SiteCustomerId("cust-42"));
        assertThat(ids.check(header(SECRET, "cust-42", ISSUED).toUpperCase().replace("CUST", "cust")))
                .isEqualTo(new SiteCustomerId("cust-42"));
        assertThat(new SiteCustomerId("cust-42").key()).isEqualTo("site-customer:cust-42");
        assertThat(new SiteCustomerId("cust-42").selfAsserted()).isFalse();
    }

    @Test
    void noHeaderIsNoSignedCustomer() {
        assertThat(ids.check(null)).isNull();
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        assertRefused(header("another-secret-of-at-least-32-characters", "cust-42", ISSUED), "not valid");
    }

    @Test
    void aTamperedIdOrIssuedAtIsRefused() {
        String signature = SignedCustomerIds.sign(SECRET, "cust-42", ISSUED);
        assertRefused("cust-43." + ISSUED + "." + signature, "not valid");
        assertRefused("cust-42." + (ISSUED + 1) + "." + signature, "not valid");
        assertRefused("cust-42." + ISSUED + "." + signature.substring(0, 62), "not valid");
    }

    @Test
    void anExpiredSignatureIsRefusedAndOneJustInsideTheWindowTaken() {
        long dayAgo = NOW.getEpochSecond() - SignedCustomerIds.MAX_AGE.toSeconds();
        assertThat(ids.check(header(SECRET, "cust-42", dayAgo))).isEqualTo(new SiteCustomerId("cust-42"));
        assertRefused(header(SECRET, "cust-42", dayAgo - 1), "expired");
    }

    @Test
    void aSignatureIssuedInTheFutureIsRefusedBeyondTheClockSkew() {
        long soon = NOW.getEpochSecond() + SignedCustomerIds.CLOCK_SKEW.toSeconds();
        assertThat(ids.check(header(SECRET, "cust-42", soon))).isEqualTo(new SiteCustomerId("cust-42"));
        assertRefused(header(SECRET, "cust-42", soon + 1), "future");
    }

    @Test
    void aMissingOrMalformedPartIsRefused() {
        assertRefused("", "must be");
        assertRefused("cust-42", "must be");
        assertRefused("cust-42." + ISSUED, "must be");
        assertRefused("." + ISSUED + "." + SignedCustomerIds.sign(SECRET, "", ISSUED), "must be");
        assertRefused("cust-42." + ISSUED + ".", "not valid");
        assertRefused("cust-42.yesterday." + SignedCustomerIds.sign(SECRET, "cust-42", ISSUED), "must be");
        assertRefused("cust-42." + ISSUED + ".not-hex", "must be");
        assertRefused(header(SECRET, "cust 42", ISSUED), "site customer id must be");
    }

    @Test
    void withoutASecretEverySignedIdIsRefusedSayingTheFeatureIsOff() {
        SignedCustomerIds off = new SignedCustomerIds(List.of(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(off.enabled()).isFalse();
        assertThat(off.check(null)).isNull();
        assertThatThrownBy(() -> off.check(header(SECRET, "cust-42", ISSUED)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("invalid-identity");
                })
                .hasMessageContaining("not enabled").hasMessageContaining(SignedCustomerIds.SECRET_KEY);
    }

    @Test
    void theSecretsAreReadCommaSeparatedAndAShortOneIsRefusedNamingTheSetting() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThat(SignedCustomerIds.from(key -> java.util.Optional.ofNullable(
                Map.of(SignedCustomerIds.SECRET_KEY, " " + SECRET + " , " + OLD_SECRET + ",").get(key)), clock)
                .check(header(OLD_SECRET, "cust-42", ISSUED))).isEqualTo(new SiteCustomerId("cust-42"));
        assertThat(SignedCustomerIds.from(key -> java.util.Optional.empty(), clock).enabled()).isFalse();
        assertThatThrownBy(() -> SignedCustomerIds.from(key -> java.util.Optional.of("short"), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SignedCustomerIds.SECRET_KEY);
    }

    private void assertRefused(String header, String reason) {
        assertThatThrownBy(() -> ids.check(header))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo(JsonErrors.INVALID_IDENTITY);
                })
                .hasMessageContaining(reason);
    }
}
