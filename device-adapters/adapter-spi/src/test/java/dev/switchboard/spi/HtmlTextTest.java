package dev.switchboard.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void markupAndQuotesAreEscapedAndNothingElse() {
        assertThat(HtmlText.escape("<b class=\"x\">Tom & Jerry's</b> zażółć"))
                .isEqualTo("&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt; zażółć");
        assertThat(HtmlText.escape(null)).isEmpty();
    }
}
