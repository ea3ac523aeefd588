package dev.switchboard.hub.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextAnalyzerTest {

    @Test
    void foldsCaseAndDiacriticsIncludingLettersWithoutDecomposition() {
        assertThat(TextAnalyzer.fold("Zażółć GĘŚLĄ jaźń")).isEqualTo("zazolc gesla jazn");
        assertThat(TextAnalyzer.fold("Straße Ærø")).isEqualTo("strasse aero");
        assertThat(TextAnalyzer.fold("Plain ASCII")).isEqualTo("plain ascii");
    }

    @Test
    void splitsOnNonAlphanumericsAndDropsStopWords() {
        assertThat(TextAnalyzer.terms("What time do you open, on Saturday?!"))
                .containsExactly("tim", "open", "saturday");
        assertThat(TextAnalyzer.terms("O której otwieracie?")).containsExactly("otwieraci");
        assertThat(TextAnalyzer.terms("4G/5G")).containsExactly("4g", "5g");
    }

    @Test
    void dropsSingleLettersButKeepsDigits() {
        assertThat(TextAnalyzer.terms("channel 1 isn't x")).containsExactly("channel", "1");
    }

    @Test
    void blankOrNullTextHasNoTerms() {
        assertThat(TextAnalyzer.terms(null)).isEmpty();
        assertThat(TextAnalyzer.terms("  \t ")).isEmpty();
        assertThat(TextAnalyzer.terms("the and of")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "charge, charg", "charges, charg", "charged, charg", "charging, charg",
        "opening, open", "opened, open", "stopped, stop", "billing, bill", "missed, miss",
        "batteries, battery", "boxes, box", "switches, switch", "messages, messag",
        "texts, text", "freezes, freez", "freezing, freez", "used, us", "use, us",
        "thing, thing", "sms, sms", "news, news", "address, address", "bus, bus"
    })
    void stemsCommonEnglishSuffixesLightly(String word, String stem) {
        assertThat(TextAnalyzer.stem(word)).isEqualTo(stem);
    }

    @Test
    void canonicalFormIgnoresCaseDiacriticsAndPunctuation() {
        assertThat(TextAnalyzer.canonical("  Evening News:  watch again! "))
                .isEqualTo(TextAnalyzer.canonical("evening news watch again"));
        assertThat(TextAnalyzer.canonical("Reset HASŁA")).isEqualTo("reset hasla");
    }
}
