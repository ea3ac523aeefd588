package dev.switchboard.adapter.smpp.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.smpp.wire.Segments;
import org.junit.jupiter.api.Test;

class AnswerPagesTest {

    @Test
    void aPageFitsTheBudgetWithItsMoreMarkerAndKeepsTheRest() {
        AnswerPages pages = new AnswerPages(2, " (reply MORE)");
        String text = ("word ".repeat(100)).strip();

        AnswerPages.Page page = pages.first(text);

        assertThat(Segments.count(page.text())).isEqualTo(2);
        assertThat(page.text()).endsWith("word (reply MORE)");
        assertThat(page.text().replace(" (reply MORE)", "") + " " + page.rest()).isEqualTo(text);
        assertThat(pages.first("short").rest()).isNull();
    }
}
