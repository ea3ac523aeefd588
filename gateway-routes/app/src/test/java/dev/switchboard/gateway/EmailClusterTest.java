package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.adapter.testkit.RecordingHelpDesk;
import dev.switchboard.spi.Interaction;
import dev.switchboard.state.Database;
import dev.switchboard.testing.AdapterNode;
import dev.switchboard.testing.TestMailServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster tier for the email adapter: nodes on one database reading one mailbox on a real mail server (GreenMail).
 * What was answered outlives a full restart; one node at a time reads the mailbox.
 */
class EmailClusterTest {
    private static final String ANNA = "anna@customer.example";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Database database;
    private TestMailServer mail;

    @BeforeEach
    void start() {
        database = Database.open("jdbc:h2:mem:email-cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", dir, "sa", "");
        mail = new TestMailServer();
    }

    @AfterEach
    void stop() {
        mail.close();
        database.close();
    }

    private AdapterNode node(RecordingHelpDesk helpDesk) throws Exception {
        return AdapterNode.start("email", database.dataSource(), AdapterNode.maps(), helpDesk, mail.gatewaySettings());
    }

    @Test
    void aMailTakenAgainAfterAFullRestartIsNotAnsweredAgain() throws Exception {
        RecordingHelpDesk hub = new RecordingHelpDesk();
        try (AdapterNode before = node(hub)) {
            mail.mailTheDesk(ANNA, "Opening hours", "Are you open on Sunday?", "<sunday@customer.example>");
            await().atMost(WAIT).until(() -> mail.seenInInbox() == 1);
        }
        assertThat(mail.mailsTo(ANNA)).hasSize(1);
        // While the gateway was down another mail client marked the mail unseen: it is taken again after the restart.
        mail.markInboxUnseen();

        try (AdapterNode restarted = node(hub)) {
            await().atMost(WAIT).until(() -> mail.seenInInbox() == 1);
        }

        assertThat(hub.submitAttempts()).as("taken twice").isEqualTo(2);
        assertThat(hub.submitted()).hasSize(1);
        assertThat(mail.mailsTo(ANNA)).as("answered once").hasSize(1);
    }

    @Test
    void onlyTheNodeHoldingTheMailboxsLeaseReadsItAndAnotherTakesOverWhenItStops() throws Exception {
        RecordingHelpDesk deskOfA = new RecordingHelpDesk();
        RecordingHelpDesk deskOfB = new RecordingHelpDesk();
        AdapterNode a = node(deskOfA);
        try (AdapterNode b = node(deskOfB)) {
            mail.mailTheDesk(ANNA, "Opening hours", "Are you open on Sunday?", "<first@customer.example>");
            await().atMost(WAIT).until(() -> deskOfA.submitted().size() + deskOfB.submitted().size() == 1);
            boolean aReads = deskOfA.submitted().size() == 1;
            AdapterNode reader = aReads ? a : b;
            AdapterNode standing = aReads ? b : a;
            RecordingHelpDesk deskOfStanding = aReads ? deskOfB : deskOfA;
            await().atMost(WAIT).until(() -> standing.health().detail().startsWith("standing by"));
            assertThat(standing.health().up()).isTrue();
            assertThat(deskOfStanding.submitAttempts()).as("the other node never looked").isZero();

            reader.close();
            mail.mailTheDesk(ANNA, "Delivery", "Do you deliver on Saturday?", "<second@customer.example>");

            await().atMost(WAIT).until(() -> deskOfStanding.submitted().size() == 1);
            assertThat(deskOfStanding.submitted()).extracting(Interaction::idempotencyKey)
                    .containsExactly("<second@customer.example>");
            await().atMost(WAIT).until(() -> standing.health().detail().startsWith("reading"));
        } finally {
            a.close();
        }
    }
}
