package dev.switchboard.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.adapter.testkit.StandInGateway;
import dev.switchboard.spi.AdapterHealth;
import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.EmailAddress;
import dev.switchboard.spi.Interaction;
import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.Reply;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customers mail the help desk's mailbox on a real mail server (GreenMail) and get its answers by mail. */
class EmailChannelTest {
    private static final String ANNA = "anna@customer.example";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private MailServer server;
    private RecordingHelpDesk helpDesk;
    private StandInGateway gateway;
    private EmailAdapter adapter;

    @BeforeEach
    void startMailServerAndAdapter() throws Exception {
        server = new MailServer();
        helpDesk = new RecordingHelpDesk();
        adapter = new EmailAdapter();
        gateway = StandInGateway.builder().helpDesk(helpDesk).settings(server.settings()).start(adapter);
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        server.close();
    }

    @Test
    void aCustomersMailReachesTheHelpDeskWithoutItsQuotedHistoryAndTheAnswerComesBackInHisThread() throws Exception {
        server.deliverToDesk(Mails.text("Anna Nowak <" + ANNA + ">", "Re: Opening hours", """
                Are you open on Sunday?

                On Mon, 23 Nov 2026 at 09:00, Help desk <help@desk.example> wrote:
                > We are open Monday to Friday.
                > Best regards
                """, "<q1@customer.example>"));

        await().atMost(WAIT).until(() -> server.mailsTo(ANNA).size() == 1);
        Interaction taken = helpDesk.submitted().get(0);
        assertThat(taken.channel()).isEqualTo(Channel.EMAIL);
        assertThat(taken.profile()).isEqualTo(DeviceProfile.EMAIL);
        assertThat(taken.address()).isEqualTo(new EmailAddress(ANNA));
        assertThat(taken.idempotencyKey()).isEqualTo("<q1@customer.example>");
        assertThat(taken.text()).isEqualTo("Are you open on Sunday?");

        MimeMessage answer = server.mailsTo(ANNA).get(0);
        assertThat(answer.getFrom()[0].toString()).contains(MailServer.DESK);
        assertThat(answer.getSubject()).isEqualTo("Re: Opening hours");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo("<q1@customer.example>");
        assertThat(answer.getHeader("References", null)).isEqualTo("<q1@customer.example>");
        assertThat(((String) answer.getContent()).strip()).isEqualTo("Got it: Are you open on Sunday?");
        await().atMost(WAIT).until(() -> server.folder("INBOX").seen() == 1);
        assertThat(adapter.health().status()).isEqualTo(AdapterHealth.Status.UP);
    }

    @Test
    void aMailIsTakenAtTheTimeItArrivedWhateverTheSendersClockWroteInItsDateHeader() throws Exception {
        MimeMessage wrongClock = Mails.text(ANNA, "Opening hours", "Open on Sunday?", "<clock@customer.example>");
        wrongClock.setSentDate(java.util.Date.from(java.time.Instant.parse("2001-01-01T00:00:00Z")));
        wrongClock.saveChanges();
        java.time.Instant before = java.time.Instant.now().minusSeconds(5);

        server.deliverToDesk(wrongClock);

        await().atMost(WAIT).until(() -> helpDesk.submitted().size() == 1);
        assertThat(helpDesk.submitted().get(0).receivedAt()).isBetween(before, java.time.Instant.now());
    }

    @Test
    void aNewThreadsSubjectIsPartOfTheQuestion() {
        server.deliverToDesk(Mails.text(ANNA, "Where is my parcel?", "Order 4711, sent last week.", "<q2@customer.example>"));

        await().atMost(WAIT).until(() -> helpDesk.submitted().size() == 1);
        assertThat(helpDesk.submitted().get(0).text()).isEqualTo("Where is my parcel?\n\nOrder 4711, sent last week.");
    }

    @Test
    void anAgentsAnswerOnTheEmailChannelJoinsTheCustomersMailThread() throws Exception {
        server.deliverToDesk(Mails.text(ANNA, "Invoice 2026/11", "Why was I charged twice?", "<q3@customer.example>"));
        await().atMost(WAIT).until(() -> server.mailsTo(ANNA).size() == 1);

        gateway.senders().get(Channel.EMAIL).send(new OutboundMessage("m-agent-1", "cv-1", Channel.EMAIL,
                new EmailAddress(ANNA), Reply.answer("The second charge is refunded today.", Reply.Source.AGENT, List.of())));

        await().atMost(WAIT).until(() -> server.mailsTo(ANNA).size() == 2);
        MimeMessage agentsAnswer = server.mailsTo(ANNA).get(1);
        assertThat(agentsAnswer.getSubject()).isEqualTo("Re: Invoice 2026/11");
        assertThat(agentsAnswer.getHeader("In-Reply-To", null)).isEqualTo("<q3@customer.example>");
        assertThat(agentsAnswer.getHeader("References", null)).isEqualTo("<q3@customer.example>");
        assertThat(agentsAnswer.getFrom()[0].toString()).contains(MailServer.DESK);
        assertThat(((String) agentsAnswer.getContent()).strip()).isEqualTo("The second charge is refunded today.");
    }

    @Test
    void anAnswerToACustomerWhoNeverMailedStartsAThreadWithTheDesksSubject() throws Exception {
        gateway.senders().get(Channel.EMAIL).send(new OutboundMessage("m-agent-2", "cv-9", Channel.EMAIL,
                new EmailAddress("bob@customer.example"), Reply.answer("Here is the link.", Reply.Source.AGENT, List.of())));

        await().atMost(WAIT).until(() -> server.mailsTo("bob@customer.example").size() == 1);
        MimeMessage mail = server.mailsTo("bob@customer.example").get(0);
        assertThat(mail.getSubject()).isEqualTo("Your message to the help desk");
        assertThat(mail.getHeader("In-Reply-To")).isNull();
    }

    @Test
    void aMailFetchedTwiceIsOneMessageAndOneAnswer() {
        server.deliverToDesk(Mails.text(ANNA, "Opening hours", "Open on Sunday?", "<twice@customer.example>"));
        await().atMost(WAIT).until(() -> server.folder("INBOX").seen() == 1);

        // Another mail client marks it unseen, and the mail server delivers a second copy of it.
        server.markInboxUnseen();
        server.deliverToDesk(Mails.text(ANNA, "Opening hours", "Open on Sunday?", "<twice@customer.example>"));

        await().atMost(WAIT).until(() -> server.folder("INBOX").seen() == 2);
        assertThat(helpDesk.submitted()).hasSize(1);
        assertThat(server.mailsTo(ANNA)).hasSize(1);
    }

    @Test
    void aMailTheHelpDeskCannotTakeNowStaysUnseenAndIsTakenLater() {
        helpDesk.failing(true);
        server.deliverToDesk(Mails.text(ANNA, "Opening hours", "Open on Sunday?", "<later@customer.example>"));
        await().atMost(WAIT).until(() -> adapterLooked());
        assertThat(server.folder("INBOX")).isEqualTo(new MailServer.FolderState(1, 0));

        helpDesk.failing(false);

        await().atMost(WAIT).until(() -> server.folder("INBOX").seen() == 1);
        assertThat(helpDesk.submitted()).hasSize(1);
        assertThat(server.mailsTo(ANNA)).hasSize(1);
    }

    private boolean adapterLooked() {
        // The help desk refuses while broken; one refusal is enough to know the adapter looked.
        return helpDesk.submitAttempts() > 0;
    }
}
