package dev.switchboard.hub.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Postal codes keyed in the way customers write them, against the real codes shipped in the jar. */
class PostalCodesTest {
    private static final Gazetteer GAZETTEER = GazetteerLoader.shipped();

    @Test
    void theUsualWrittenFormsComeToTheFormTheDataUses() {
        assertThat(PostalCodes.writtenForms("sw1a 1aa")).containsExactly("SW1A");
        assertThat(PostalCodes.writtenForms(" SW1A1AA ")).containsExactly("SW1A");
        assertThat(PostalCodes.writtenForms("m1 1ae")).containsExactly("M1");
        assertThat(PostalCodes.writtenForms("M11AE")).containsExactly("M1");
        assertThat(PostalCodes.writtenForms("EC1")).containsExactly("EC1");
        assertThat(PostalCodes.writtenForms("00-950")).containsExactly("00-950");
        assertThat(PostalCodes.writtenForms("30 001")).containsExactly("30-001");
        assertThat(PostalCodes.writtenForms("10001-1234")).containsExactly("10001");
        // Five digits may be a ZIP code or a Polish code without its hyphen.
        assertThat(PostalCodes.writtenForms("00950")).containsExactly("00950", "00-950");
    }

    @Test
    void wordsAndMalformedCodesAreNoPostalCode() {
        assertThat(PostalCodes.writtenForms("Glasgow")).isEmpty();
        assertThat(PostalCodes.writtenForms("1000")).isEmpty();
        assertThat(PostalCodes.writtenForms("SW1A 1AAA")).isEmpty();
        assertThat(PostalCodes.writtenForms("   ")).isEmpty();
        assertThat(PostalCodes.writtenForms(null)).isEmpty();
    }

    @Test
    void aZipCodeInAnyOfItsFormsFindsItsPosition() {
        PostalCode chelsea = GAZETTEER.findPostalCode("10001", "US").orElseThrow();

        assertThat(chelsea.country()).isEqualTo("US");
        assertThat(chelsea.latitude()).isBetween(40.70, 40.80);
        assertThat(chelsea.longitude()).isBetween(-74.05, -73.95);
        assertThat(GAZETTEER.findPostalCode(" 10001-0001 ", null)).contains(chelsea);
        assertThat(GAZETTEER.findPostalCode("02108", null).orElseThrow().latitude()).isBetween(42.3, 42.4);
        assertThat(GAZETTEER.postalCodeCount()).isGreaterThan(40_000);
    }

    @Test
    void aCodeNobodyUsesFindsNothing() {
        assertThat(GAZETTEER.findPostalCode("00000", null)).isEmpty();
        assertThat(GAZETTEER.findPostalCode("Xqzzyville", null)).isEmpty();
    }

    @Test
    void whenTwoCountriesWriteACodeAlikeTheCustomersCountryWins() {
        PostalCode zip = GAZETTEER.findPostalCode("10001", null).orElseThrow();
        // Olsztyn's Polish codes start with 10-; its position is the gazetteer's.
        Place olsztyn = GAZETTEER.find("Olsztyn", "PL").orElseThrow();
        PostalCode polish = new PostalCode("PL", "10-001", olsztyn.latitude(), olsztyn.longitude());
        PostalCodes both = new PostalCodes(List.of(zip, polish));

        assertThat(both.find("10001", "PL")).contains(polish);
        assertThat(both.find("10-001", "US")).contains(polish);
        assertThat(both.find("10001", "US")).contains(zip);
    }
}
