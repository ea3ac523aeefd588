package dev.switchboard.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.EmailAddress;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** What the help desk keeps of a customer's mail: his words, from the plain part or the HTML, without history. */
class MailReadingTest {
    private final MailReader reader = new MailReader(new EmailAddress(MailServer.DESK), 100_000, Clock.systemUTC());

    @Test
    void anHtmlOnlyMailIsTakenAsItsText() throws Exception {
        InboundMail mail = reader.read(Mails.htmlOnly("eve@customer.example", "Re: Delivery", """
                <html><head><style>p {color: red}</style></head><body>
                <p>Thanks &amp; one more question:</p><p>do you deliver to Kraków&nbsp;&#8211; on Saturday?</p>
                <div class="gmail_quote">On Mon, Help desk wrote:<blockquote>We deliver Monday to Friday.</blockquote></div>
                </body></html>""", "<h1@customer.example>"));

        assertThat(mail.text()).isEqualTo("Thanks & one more question:\n\ndo you deliver to Kraków \u2013 on Saturday?");
    }

    @Test
    void thePlainPartWinsAndAttachmentsAreLeftOut() throws Exception {
        InboundMail mail = reader.read(Mails.alternativeWithAttachment("eve@customer.example", "Invoice",
                "Please check the invoice attached.", "<p>Please check the <b>invoice</b> attached.</p>",
                "<a1@customer.example>"));

        assertThat(mail.text()).isEqualTo("Please check the invoice attached.");
        assertThat(mail.question()).isEqualTo("Invoice\n\nPlease check the invoice attached.");
    }

    @Test
    void aMailWithoutMessageIdGetsAKeyMadeFromItsContentTheSameEachTime() throws Exception {
        String raw = """
                From: eve@customer.example
                Subject: no id
                Date: Mon, 23 Nov 2026 10:00:00 +0000
                Content-Type: text/plain; charset=UTF-8

                Hello?
                """;

        String first = reader.read(Mails.raw(raw)).key();

        assertThat(first).startsWith("sha256:").isEqualTo(reader.read(Mails.raw(raw)).key());
        assertThat(reader.read(Mails.raw(raw.replace("Hello?", "Hello!"))).key()).isNotEqualTo(first);
    }

    @Test
    void theThreadsReferencesAreKeptInOrder() throws Exception {
        InboundMail mail = reader.read(Mails.raw("""
                From: eve@customer.example
                Subject: Re: Re: Invoice
                Message-ID: <3@customer.example>
                In-Reply-To: <2@desk.example>
                References: <1@customer.example>
                 <2@desk.example>
                Content-Type: text/plain; charset=UTF-8

                Thanks!
                """));

        assertThat(mail.references()).containsExactly("<1@customer.example>", "<2@desk.example>");
        assertThat(mail.messageId()).isEqualTo("<3@customer.example>");
    }

    @Test
    void aMailFromTheDesksOwnAddressIsNotTaken() {
        assertThatThrownBy(() -> reader.read(Mails.text(MailServer.DESK, "loop", "Got it", "<loop@desk.example>")))
                .isInstanceOf(UnreadableMailException.class).hasMessageContaining("help desk's own address");
    }
}
