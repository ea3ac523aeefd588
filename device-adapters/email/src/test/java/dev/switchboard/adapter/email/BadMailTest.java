package dev.switchboard.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mails the help desk can never take are set aside with a log line; the mails after them are taken. */
class BadMailTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private MailServer server;
    private RecordingHelpDesk helpDesk;
    private EmailAdapter adapter;

    @BeforeEach
    void start() {
        server = new MailServer();
        helpDesk = new RecordingHelpDesk();
        adapter = new EmailAdapter();
    }

    @AfterEach
    void stop() {
        adapter.stop();
        server.close();
    }

    @Test
    void badMailsAreSetAsideAndNeverBlockTheMailbox() throws Exception {
        server.deliverToDesk(Mails.raw("""
                Subject: nobody sent this
                Message-ID: <nosender@x.example>
                Content-Type: text/plain; charset=UTF-8

                Where is my parcel?
                """));
        server.deliverToDesk(Mails.raw("""
                From: carl@customer.example
                Subject: unknown charset
                Message-ID: <charset@customer.example>
                Content-Type: text/plain; charset=x-no-such-charset

                Gdzie jest moja paczka?
                """));
        server.deliverToDesk(Mails.raw("""
                From: carl@customer.example
                Subject: Out of office
                Auto-Submitted: auto-replied
                Message-ID: <ooo@customer.example>
                Content-Type: text/plain; charset=UTF-8

                I am away until Monday.
                """));
        server.deliverToDesk(Mails.text("carl@customer.example", "Huge", "x".repeat(300_000), "<huge@customer.example>"));
        server.deliverToDesk(Mails.text("carl@customer.example", "Long", "word ".repeat(1_000), "<long@customer.example>"));
        server.deliverToDesk(Mails.text("dora@customer.example", "Opening hours", "Open on Sunday?", "<good@customer.example>"));

        StandInGateway.builder().helpDesk(helpDesk).settings(server.settings()).start(adapter);

        await().atMost(WAIT).until(() -> server.folder("Set aside").mails() == 5);
        await().atMost(WAIT).until(() -> server.folder("INBOX").equals(new MailServer.FolderState(1, 1)));
        assertThat(helpDesk.submitted()).singleElement()
                .satisfies(taken -> assertThat(taken.address().value()).isEqualTo("dora@customer.example"));
        assertThat(server.mailsTo("dora@customer.example")).hasSize(1);
        assertThat(server.mailsTo("carl@customer.example")).as("nothing answers a bad mail").isEmpty();
    }

    @Test
    void anUnreachableMailboxShowsDownOnHealthAndLosesNothing() throws Exception {
        server.deliverToDesk(Mails.text("dora@customer.example", "Opening hours", "Open on Sunday?", "<kept@customer.example>"));
        StandInGateway.builder().helpDesk(helpDesk)
                .settings(server.settings(EmailSettings.IMAP_PASSWORD, "wrong")).start(adapter);

        await().atMost(WAIT).until(() -> adapter.health().status() == dev.switchboard.spi.AdapterHealth.Status.DOWN);
        assertThat(adapter.health().detail()).contains("not read");
        assertThat(server.folder("INBOX")).isEqualTo(new MailServer.FolderState(1, 0));
        assertThat(helpDesk.submitted()).isEmpty();
    }
}
