package dev.switchboard.adapter.itv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TvAppServletTest {

    @Test
    void hbbtvBrowsersGetTheirXhtmlTypeAndEveryOtherBrowserHtml() {
        assertThat(TvAppServlet.pageType("Mozilla/5.0 (Linux armv7l) HbbTV/1.5.1 (+DRM; Vendor; Model; 1.0; ; )"))
                .isEqualTo("application/vnd.hbbtv.xhtml+xml; charset=UTF-8");
        assertThat(TvAppServlet.pageType("Opera/9.80 (Linux mips; U; HbbTV/1.1.1 (; Philips; ; ; ; ) CE-HTML/1.0"))
                .startsWith("application/vnd.hbbtv.xhtml+xml");
        assertThat(TvAppServlet.pageType("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36"))
                .isEqualTo("text/html; charset=UTF-8");
        assertThat(TvAppServlet.pageType(null)).startsWith("text/html");
    }

    @Test
    void theAppIsOnTheClassPathAndSmall() {
        TvAppFiles files = TvAppFiles.fromClasspath();

        assertThat(files.named("index.xhtml")).isPresent();
        assertThat(files.named("app.js").orElseThrow().contentType()).startsWith("text/javascript");
        assertThat(files.named("../pom.xml")).isEmpty();
        assertThat(files.totalBytes()).isLessThan(150 * 1024);
    }
}
