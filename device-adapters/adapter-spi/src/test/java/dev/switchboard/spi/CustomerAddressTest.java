package dev.switchboard.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerAddressTest {

    @Test
    void phoneNumbersAreNormalizedToE164() {
        assertThat(new E164Number("+44 (7700) 900-123").value()).isEqualTo("+447700900123");
        assertThat(new E164Number("0048 601 234 567").value()).isEqualTo("+48601234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700900123", "+0123456789", "+12", "+1234567890123456", "call me", ""})
    void phoneNumbersOutsideE164AreRefusedWithAReason(String raw) {
        assertThatThrownBy(() -> new E164Number(raw))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining("phone number");
    }

    @Test
    void emailDomainsAreLowerCasedButLocalPartsKept() {
        assertThat(new EmailAddress(" Terry.Hart@ITPlanet.Example ").value()).isEqualTo("Terry.Hart@itplanet.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"terry", "terry@", "@example.com", "a b@example.com", "terry@localhost"})
    void malformedEmailAddressesAreRefused(String raw) {
        assertThatThrownBy(() -> new EmailAddress(raw)).isInstanceOf(InvalidAddressException.class);
    }

    @Test
    void opaqueIdsMustBeLongEnoughAndUrlSafe() {
        assertThat(new WebVisitorId("v-1234567").value()).isEqualTo("v-1234567");
        assertThatThrownBy(() -> new WebVisitorId("short")).hasMessageContaining("web visitor id");
        assertThatThrownBy(() -> new SetTopId("box id with spaces")).hasMessageContaining("set-top id");
        assertThatThrownBy(() -> new AppInstallId("<script>alert(1)</script>")).hasMessageContaining("app install id");
    }

    @Test
    void aSiteCustomerIdIsVouchedForByItsSignatureNotSelfAsserted() {
        assertThat(new SiteCustomerId("42").key()).isEqualTo("site-customer:42");
        assertThat(new SiteCustomerId("42").selfAsserted()).isFalse();
        assertThat(new WebVisitorId("visitor-42x").selfAsserted()).isTrue();
        assertThat(new SiteCustomerId("42")).isNotEqualTo(new WebVisitorId("42424242"));
        assertThatThrownBy(() -> new SiteCustomerId(" 42")).hasMessageContaining("site customer id");
        assertThatThrownBy(() -> new SiteCustomerId("x".repeat(129))).hasMessageContaining("site customer id");
    }

    @Test
    void keysReadBackIntoTheSameAddress() {
        for (CustomerAddress address : new CustomerAddress[] {
                new E164Number("+447700900123"), new EmailAddress("a@b.example"), new WebVisitorId("visitor-42x"),
                new SetTopId("stb-0001-abcd"), new AppInstallId("app:9f8e7d6c"), new SiteCustomerId("cust.42@shop")}) {
            assertThat(CustomerAddress.parse(address.key())).isEqualTo(address);
        }
        assertThatThrownBy(() -> CustomerAddress.parse("fax:123")).hasMessageContaining("unknown address kind");
    }

    @Test
    void onlyAddressesTheNetworkVouchesForAreNotSelfAsserted() {
        assertThat(new E164Number("+447700900123").selfAsserted()).isFalse();
        assertThat(new WebVisitorId("visitor-42x").selfAsserted()).isTrue();
    }

    @Test
    void channelIdsAreOpenButChecked() {
        assertThat(Channel.of("pager")).isEqualTo(new Channel("pager"));
        assertThatThrownBy(() -> Channel.of("Bad Id")).hasMessageContaining("channel id");
    }

    @Test
    void locationsOutsideTheEarthAreRefused() {
        assertThatThrownBy(() -> new GeoLocation(91, 0, null, LocationSource.GPS)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new GeoLocation(0, 181, null, LocationSource.GPS)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> new GeoLocation(0, 0, -1.0, LocationSource.GPS)).hasMessageContaining("accuracy");
    }
}
