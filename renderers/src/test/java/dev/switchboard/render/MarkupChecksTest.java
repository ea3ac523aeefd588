package dev.switchboard.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The format checks reject what they are there to catch, so that a passing matrix means something. */
class MarkupChecksTest {
    private static final String WML_PROLOG = "<?xml version=\"1.0\"?>\n<!DOCTYPE wml PUBLIC \""
            + MarkupChecks.WML_11_PUBLIC_ID + "\" \"" + MarkupChecks.WML_11_SYSTEM_ID + "\">\n";

    @Test
    void acceptsAValidDeck() {
        String deck = WML_PROLOG + "<wml><card id=\"a\" title=\"A\"><p>Hi $$5 <a href=\"#b\">on</a></p></card>"
                + "<card id=\"b\"><p>B</p></card></wml>";

        assertThat(MarkupChecks.validWml(deck).getDocumentElement().getTagName()).isEqualTo("wml");
    }

    @Test
    void rejectsAnElementWmlDoesNotHave() {
        String deck = WML_PROLOG + "<wml><card id=\"a\"><div>Hi</div></card></wml>";

        assertThatThrownBy(() -> MarkupChecks.validWml(deck)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("invalid WML").hasMessageContaining("div");
    }

    @Test
    void rejectsTextOutsideAParagraph() {
        String deck = WML_PROLOG + "<wml><card id=\"a\">Hi</card></wml>";

        assertThatThrownBy(() -> MarkupChecks.validWml(deck)).isInstanceOf(AssertionError.class);
    }

    @Test
    void rejectsADeckWithoutTheWmlDoctype() {
        assertThatThrownBy(() -> MarkupChecks.validWml("<wml><card><p>Hi</p></card></wml>"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void neverFetchesAnotherDtd() {
        String deck = "<?xml version=\"1.0\"?>\n<!DOCTYPE wml SYSTEM \"http://example.invalid/wml.dtd\">\n"
                + "<wml><card><p>Hi</p></card></wml>";

        assertThatThrownBy(() -> MarkupChecks.validWml(deck)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("refusing to fetch");
    }

    @Test
    void rejectsMarkupThatIsNotWellFormed() {
        assertThatThrownBy(() -> MarkupChecks.wellFormedXml("<Response><Message>a & b</Message></Response>"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> MarkupChecks.wellFormedHtmlFragment("<p>one<br></p>"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void acceptsAFragmentOfSeveralElements() {
        assertThat(MarkupChecks.wellFormedHtmlFragment("<p>one</p><p>two &amp; three</p>")
                .getDocumentElement().getTextContent()).isEqualTo("onetwo & three");
    }
}
