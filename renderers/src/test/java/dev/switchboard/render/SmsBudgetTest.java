package dev.switchboard.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.render.SmsBudget.Encoding;
import dev.switchboard.render.SmsBudget.SmsSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsBudgetTest {
    private static final String EMOJI = "\uD83D\uDC4D";
    private final SmsBudget budget = new SmsBudget();

    @Test
    void plainEnglishIsGsmOneSeptetPerCharacter() {
        String text = "Hello! Your parcel 4711 left the depot @ 9:40 (ETA today).";

        assertThat(SmsBudget.measure(text)).isEqualTo(new SmsSize(Encoding.GSM_7BIT, text.length(), 1));
    }

    @Test
    void gsmLettersBeyondAsciiStayGsm() {
        assertThat(SmsBudget.measure("Grüße, señor! £5 ¥ §1 Øre ΔΩ")).extracting(SmsSize::encoding)
                .isEqualTo(Encoding.GSM_7BIT);
    }

    @Test
    void extensionCharactersCountTwoSeptets() {
        String extension = "^{}\\[~]|€";

        assertThat(SmsBudget.measure(extension)).isEqualTo(new SmsSize(Encoding.GSM_7BIT, 18, 1));
        assertThat(SmsBudget.measure("Price: 5€ [VAT incl.]").units()).isEqualTo(21 + 3);
    }

    @Test
    void polishLettersNeedUcs2() {
        String text = "Dziękuję, przesyłka już jest w drodze.";

        assertThat(SmsBudget.measure(text)).isEqualTo(new SmsSize(Encoding.UCS2, text.length(), 1));
    }

    @Test
    void emojiNeedUcs2AndCountTwoUnits() {
        assertThat(SmsBudget.measure("Thanks " + EMOJI)).isEqualTo(new SmsSize(Encoding.UCS2, 9, 1));
    }

    @ParameterizedTest(name = "{0} x ''{1}'' -> {2} {3}")
    @CsvSource({
        "160, a, GSM_7BIT, 1",
        "161, a, GSM_7BIT, 2",
        "306, a, GSM_7BIT, 2",
        "307, a, GSM_7BIT, 3",
        "80,  €, GSM_7BIT, 1",
        "81,  €, GSM_7BIT, 2",
        "70,  ł, UCS2,     1",
        "71,  ł, UCS2,     2",
        "134, ł, UCS2,     2",
        "135, ł, UCS2,     3",
    })
    void segmentBoundaries(int count, String character, Encoding encoding, int segments) {
        SmsSize size = SmsBudget.measure(character.repeat(count));

        assertThat(size.encoding()).isEqualTo(encoding);
        assertThat(size.segments()).isEqualTo(segments);
    }

    @Test
    void anExtensionCharacterIsNeverSplitAcrossParts() {
        String text = "a".repeat(152) + "€" + "a".repeat(152);

        assertThat(SmsBudget.measure(text)).isEqualTo(new SmsSize(Encoding.GSM_7BIT, 306, 3));
    }

    @Test
    void aSurrogatePairIsNeverSplitAcrossParts() {
        String text = "ł".repeat(66) + EMOJI + "ł".repeat(66);

        assertThat(SmsBudget.measure(text)).isEqualTo(new SmsSize(Encoding.UCS2, 134, 3));
    }

    @Test
    void emptyTextIsOneMessage() {
        assertThat(SmsBudget.measure("")).isEqualTo(new SmsSize(Encoding.GSM_7BIT, 0, 1));
    }

    @Test
    void textThatFitsIsKeptAsItIs() {
        String text = "word ".repeat(122);

        assertThat(budget.fit(text)).isSameAs(text);
    }

    @Test
    void longGsmTextIsCutAtAWordAndMarked() {
        String text = "Please bring the parcel and its receipt to any service point. ".repeat(12);

        String fitted = budget.fit(text);

        assertThat(SmsBudget.measure(fitted).encoding()).isEqualTo(Encoding.GSM_7BIT);
        assertThat(SmsBudget.measure(fitted).segments()).isEqualTo(4);
        assertThat(fitted.length()).isBetween(4 * 153 - SmsBudget.MAX_WORD_BACKOFF - 3, 4 * 153);
        assertThat(fitted).endsWith("...");
        String kept = fitted.substring(0, fitted.length() - 3);
        assertThat(text).startsWith(kept);
        assertThat(Character.isWhitespace(text.charAt(kept.length()))).isTrue();
    }

    @Test
    void sixHundredCharacterPolishAnswerIsTrimmedToFourUcs2Segments() {
        String text = "Przesyłka została nadana i dotrze jutro. Zażółć gęślą jaźń. ".repeat(10);
        assertThat(text).hasSize(600);

        String fitted = budget.fit(text);

        assertThat(SmsBudget.measure(fitted)).satisfies(size -> {
            assertThat(size.encoding()).isEqualTo(Encoding.UCS2);
            assertThat(size.segments()).isEqualTo(4);
            assertThat(size.units()).isLessThanOrEqualTo(4 * 67);
        });
        assertThat(fitted).endsWith("...");
        assertThat(text).startsWith(fitted.substring(0, fitted.length() - 3));
    }

    @Test
    void aUcs2CharacterThatIsCutAwayDoesNotCostTheGsmAlphabet() {
        String text = "All good here. ".repeat(50) + "Dziękuję!";

        String fitted = budget.fit(text);

        assertThat(SmsBudget.measure(text).encoding()).isEqualTo(Encoding.UCS2);
        assertThat(SmsBudget.measure(fitted).encoding()).isEqualTo(Encoding.GSM_7BIT);
        assertThat(fitted.length()).isGreaterThan(4 * 153 - SmsBudget.MAX_WORD_BACKOFF - 3);
    }

    @Test
    void anEmojiIsNotCutInHalf() {
        String text = "x".repeat(10) + EMOJI.repeat(200);

        String fitted = new SmsBudget(2, "...").fit(text);

        assertThat(fitted).endsWith(EMOJI + "...");
        assertThat(SmsBudget.measure(fitted).segments()).isEqualTo(2);
    }

    @Test
    void theContinuationHintIsConfigurable() {
        SmsBudget oneMessage = new SmsBudget(1, " (reply MORE)");

        String fitted = oneMessage.fit("Your parcel is on its way. ".repeat(10));

        assertThat(fitted).endsWith("way. Your parcel (reply MORE)").hasSizeLessThanOrEqualTo(160);
        assertThat(oneMessage.fits(fitted)).isTrue();
    }

    @Test
    void gsmSeptetsTellTheAlphabet() {
        assertThat(SmsBudget.gsmSeptets('a')).isEqualTo(1);
        assertThat(SmsBudget.gsmSeptets('€')).isEqualTo(2);
        assertThat(SmsBudget.gsmSeptets('ł')).isZero();
        assertThat(SmsBudget.gsmSeptets(0x1F44D)).isZero();
    }

    @Test
    void aBudgetNeedsAtLeastOneMessageAndAShortMarker() {
        assertThatThrownBy(() -> new SmsBudget(0, "...")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsBudget(4, "x".repeat(161))).isInstanceOf(IllegalArgumentException.class);
    }
}
