package dev.switchboard.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The customer's own words stay; the earlier mails his client quoted go. */
class QuotedHistoryTest {

    @Test
    void gmailsAttributionOverTwoLinesAndTheQuoteGo() {
        assertThat(QuotedHistory.strip("""
                Yes, that works.

                On Mon, 23 Nov 2026 at 09:00, Help desk <help@desk.example>
                wrote:
                > Shall we call you at 10?""")).isEqualTo("Yes, that works.");
    }

    @Test
    void outlooksOriginalMessageBlockGoes() {
        assertThat(QuotedHistory.strip("""
                Thanks.

                ________________________________
                From: Help desk <help@desk.example>
                Sent: Monday, 23 November 2026 09:00
                To: Eve
                Subject: Your parcel""")).isEqualTo("Thanks.\n\n________________________________");
        assertThat(QuotedHistory.strip("Thanks.\n-----Original Message-----\nFrom: x")).isEqualTo("Thanks.");
    }

    @Test
    void polishAndGermanAttributionsAndTheSignatureGo() {
        assertThat(QuotedHistory.strip("Dziękuję.\n\nW dniu 23.11.2026 o 09:00 Help desk napisał(a):\n> Dzień dobry"))
                .isEqualTo("Dziękuję.");
        assertThat(QuotedHistory.strip("Danke.\nAm 23.11.2026 um 09:00 schrieb Help desk:\n> Hallo"))
                .isEqualTo("Danke.");
        assertThat(QuotedHistory.strip("See you.\n-- \nEve Smith\nACME Ltd")).isEqualTo("See you.");
    }

    @Test
    void answersWrittenBetweenQuotedLinesStay() {
        assertThat(QuotedHistory.strip("> Which order?\n4711\n> Which day?\nTuesday")).isEqualTo("4711\nTuesday");
    }

    @Test
    void aMailThatIsAllQuoteKeepsItsText() {
        assertThat(QuotedHistory.strip("> only a quote")).isEqualTo("> only a quote");
    }
}
