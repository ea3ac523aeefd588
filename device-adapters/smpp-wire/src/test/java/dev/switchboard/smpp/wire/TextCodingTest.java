package dev.switchboard.smpp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TextCodingTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void gsmBasicAndExtensionCharactersRoundTripAsUnpackedSeptets() {
        String text = "Hello @ £5 {ok} [x] ~ | \\ ^ € Ünïcode? no: Ñ";
        byte[] septets = Gsm7.encode("@£{€");

        assertThat(HEX.formatHex(septets)).isEqualTo("00011b281b65");
        assertThat(Gsm7.decode(Gsm7.encode("Hello @ £5 {ok} [x] ~ | \\ ^ € Ñ"), 0, Gsm7.encode("Hello @ £5 {ok} [x] ~ | \\ ^ € Ñ").length))
                .isEqualTo("Hello @ £5 {ok} [x] ~ | \\ ^ € Ñ");
        assertThat(Gsm7.canEncode(text)).isFalse();
        assertThat(Gsm7.septets('€')).isEqualTo(2);
        assertThat(Gsm7.septets('a')).isEqualTo(1);
        assertThat(Gsm7.septets('ż')).isZero();
    }

    @Test
    void eachSmppAlphabetDecodesItsOwnBytes() {
        String polish = "Zażółć gęślą jaźń";
        String emoji = "Dzięki 👍🏽";
        byte[] ucs2 = emoji.getBytes(StandardCharsets.UTF_16BE);

        assertThat(DataCoding.of((byte) 0x08).decode(ucs2, 0, ucs2.length)).isEqualTo(emoji);
        assertThat(DataCoding.of((byte) 0x03).decode("Café".getBytes(StandardCharsets.ISO_8859_1), 0, 4)).isEqualTo("Café");
        assertThat(DataCoding.of((byte) 0x01).decode("Hi".getBytes(StandardCharsets.US_ASCII), 0, 2)).isEqualTo("Hi");
        assertThat(DataCoding.of((byte) 0xF0)).isEqualTo(DataCoding.GSM_7BIT);
        assertThat(DataCoding.of((byte) 0x18)).isEqualTo(DataCoding.UCS2);
        assertThat(DataCoding.forText(polish)).isEqualTo(DataCoding.UCS2);
        assertThat(DataCoding.forText("Hello {there}")).isEqualTo(DataCoding.GSM_7BIT);
        assertThatThrownBy(() -> DataCoding.of((byte) 0x04)).hasMessageContaining("binary");
    }

    @Test
    void aLongTextIsCutIntoNumberedPartsThatNeverSplitACharacter() {
        String text = "x".repeat(600);
        Segments segments = Segments.of(text);

        assertThat(segments.texts()).extracting(String::length).containsExactly(153, 153, 153, 141);
        byte[] second = segments.shortMessages(0x2A).get(1);
        assertThat(HEX.formatHex(second, 0, 6)).isEqualTo("0500032a0402");

        String euros = "€".repeat(81);
        assertThat(Segments.of(euros).texts()).extracting(String::length).containsExactly(76, 5);
        String emoji = "a" + "😀".repeat(40);
        assertThat(Segments.of(emoji).texts()).allSatisfy(part ->
                assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse());
        assertThat(Segments.of("x".repeat(160)).size()).isEqualTo(1);
        assertThat(Segments.of("ż".repeat(70)).size()).isEqualTo(1);
        assertThat(Segments.of("ż".repeat(71)).texts()).extracting(String::length).containsExactly(67, 4);
    }

    @Test
    void theUserDataHeaderGivesTheConcatenationWithAn8Or16BitReference() {
        UserData eight = UserData.read(HEX.parseHex("050003070201" + "4142"), true, null);
        UserData sixteen = UserData.read(HEX.parseHex("0608041234030241"), true, null);
        UserData plain = UserData.read(HEX.parseHex("4142"), false, new Concatenation(9, 2, 2));

        assertThat(eight.concatenation()).isEqualTo(new Concatenation(7, 2, 1));
        assertThat(eight.octets()).containsExactly(0x41, 0x42);
        assertThat(sixteen.concatenation()).isEqualTo(new Concatenation(0x1234, 3, 2));
        assertThat(plain.concatenation()).isEqualTo(new Concatenation(9, 2, 2));
        assertThatThrownBy(() -> UserData.read(HEX.parseHex("0900"), true, null)).hasMessageContaining("longer");
    }
}
